package org.vidkompy.align;

import java.util.concurrent.ExecutionException;

/** What a task run on another thread threw, as the caller would have seen it running the task itself. */
public final class TaskFailures {
    private TaskFailures() {
    }

    /** The task's own RuntimeException to throw; its Error is thrown at once; anything else is wrapped. */
    public static RuntimeException unwrap(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
            return re;
        }
        if (c instanceof Error er) {
            throw er;
        }
        return new IllegalStateException(c);
    }
}
