package org.vidkompy.cli;

/** The command line names something that cannot work (exit code 2), found before any processing. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
