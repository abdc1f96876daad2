package org.vidkompy.io;

import java.nio.file.Path;

/**
 * An output that must not be written: it is an input, it exists and no overwrite was asked for, or
 * it is not a regular file. Raised before any work starts (or, for a file that appeared meanwhile,
 * instead of publishing), so a face can report it as a usage problem.
 */
public final class OutputRefusedException extends MediaException {
    public OutputRefusedException(Path file, String problem) {
        super(file, problem);
    }
}
