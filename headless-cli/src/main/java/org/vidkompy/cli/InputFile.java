package org.vidkompy.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that a named input exists and is a regular file. A pipe or device
 * would be read as empty (it has no size), could block forever (a FIFO nobody writes to), and cannot
 * be read twice, which every command does (probe, then decode).
 */
final class InputFile {
    private InputFile() {
    }

    static Path require(Path p, String role) {
        if (!Files.exists(p)) {
            throw new UsageException(p + ": no such file (" + role + ")");
        }
        if (Files.isDirectory(p)) {
            throw new UsageException(p + ": is a directory, not a video file (" + role + ")");
        }
        if (!Files.isRegularFile(p)) {
            throw new UsageException(p + ": is a pipe, device or socket, not a regular file (" + role + ")");
        }
        return p;
    }
}
