package org.vidkompy.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before any work starts, that a named input exists and is a file. */
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
        return p;
    }
}
