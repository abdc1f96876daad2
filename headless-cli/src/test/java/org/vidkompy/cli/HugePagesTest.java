package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line's process declines transparent huge pages, as the kernel reports it. */
class HugePagesTest {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Test
    void theKernelSeesThemDeclined() throws IOException {
        // Linux 5.0 and later show the process's setting; elsewhere there is nothing to read.
        assumeTrue(thpEnabled().isPresent(), "no THP_enabled line in " + STATUS);
        HugePages.decline();
        assertEquals(Optional.of("0"), thpEnabled());
        HugePages.decline();   // twice is harmless
        assertEquals(Optional.of("0"), thpEnabled());
    }

    private static Optional<String> thpEnabled() throws IOException {
        if (!Files.isReadable(STATUS)) {
            return Optional.empty();
        }
        return Files.readAllLines(STATUS).stream()
                .filter(l -> l.startsWith("THP_enabled:"))
                .map(l -> l.substring("THP_enabled:".length()).trim())
                .findFirst();
    }
}
