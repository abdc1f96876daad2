package org.vidkompy.align;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** What a task run on another thread threw, as the caller would have seen it running the task itself. */
public final class TaskFailures {
    private TaskFailures() {
    }

    /**
     * The task's result once it is done, its failure thrown as by {@link #unwrap}; an interrupted wait
     * is the analysis cancelled.
     */
    public static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisCancelledException();
        }
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
