package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.cuda.CudaProbe;

/**
 * A failure deep in the code reaches the user as one line that says what kind of failure it is and
 * what to do, never as the exception's internal text. The CUDA probe (the first engine call of an
 * analysis) stands in for any code that throws.
 */
class LastResortTest {

    private static final String SECRET = "index 7 out of bounds for the band cursor";

    @TempDir
    Path dir;

    private final CudaProbe probe = mock(CudaProbe.class);

    private CliRun analyze(String... flags) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        Module seam = new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), CudaProbe.class).setBinding().toInstance(probe);
            }
        };
        String[] base = {"analyze", notes.toString(), notes.toString(), "--no-cache", "-o",
            dir.resolve("a.json").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + flags.length);
        System.arraycopy(flags, 0, args, base.length, flags.length);
        CliRun r = CliRun.with(new Module[] {seam}, args);
        System.out.println(r.err());
        return r;
    }

    @Test
    void anInternalExceptionIsReportedAsABugWithoutItsText() throws Exception {
        when(probe.probe()).thenThrow(new IllegalStateException(SECRET));
        CliRun r = analyze();
        assertEquals(1, r.exit());
        assertEquals("vidkompy: internal error in 'vidkompy analyze': this is a bug in vidkompy; please report it to"
                + " the vidkompy maintainers with the output of the same command run with -v", r.err().strip());
        assertFalse(r.err().contains(SECRET) || r.err().contains("IllegalStateException"), r.err());
    }

    @Test
    void verboseShowsTheExceptionForTheReport() throws Exception {
        when(probe.probe()).thenThrow(new NullPointerException(SECRET));
        CliRun r = analyze("-v");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("vidkompy: internal error in 'vidkompy analyze'"), r.err());
        assertTrue(r.err().contains("NullPointerException: " + SECRET) && r.err().contains("\tat "), r.err());
    }

    @Test
    void outOfMemorySaysHowToRaiseTheHeap() throws Exception {
        when(probe.probe()).thenThrow(new OutOfMemoryError("Java heap space"));
        CliRun r = analyze();
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("vidkompy: out of memory in 'vidkompy analyze': the frames are too large for"
                + " the Java heap ("), r.err());
        assertTrue(r.err().contains("raise it with VIDKOMPY_JAVA_OPTS=-Xmx"), r.err());
    }

    @Test
    void anOutOfMemoryErrorWrappedByAWorkerIsFoundToo() throws Exception {
        when(probe.probe()).thenThrow(new IllegalStateException("render worker failed",
                new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space"))));
        CliRun r = analyze();
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("vidkompy: out of memory in 'vidkompy analyze'"), r.err());
    }
}
