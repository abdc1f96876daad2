package org.vidkompy.io;

import java.nio.file.Path;

/**
 * A problem with one media file, phrased for the person who named it: the message is
 * "{@code <file>: <problem>}" and never needs a stack trace to be understood.
 */
public class MediaException extends RuntimeException {

    private final transient Path file;
    private final String problem;

    public MediaException(Path file, String problem) {
        this(file, problem, null);
    }

    public MediaException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}
