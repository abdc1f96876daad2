package org.vidkompy.cli;

/** What {@code vidkompy} returns, for scripts. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Processing failed: an unreadable or damaged input, no match found, a write error. */
    public static final int FAILED = 1;
    /** The command line is wrong: unknown option, missing argument, an input that does not exist. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
