package org.vidkompy.ofx.engine;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.vidkompy.align.AnalysisCancelledException;
import org.vidkompy.align.TaskFailures;

/**
 * Runs host calls on the host's own thread. The analysis works on threads of its own (it scans both
 * clips in parallel), but a host only promises {@code clipGetImage} and the progress suite on the
 * thread that is inside the action, here InstanceChanged. That thread {@link #serve serves} the
 * calls the workers {@link #call queue} until the analysis is done.
 */
final class HostThread {
    private static final long TICK_MILLIS = 20;

    private final Thread owner = Thread.currentThread();
    private final BlockingQueue<FutureTask<?>> queue = new LinkedBlockingQueue<>();
    private boolean closed; // guarded by this

    /** Runs {@code task} on the host thread and returns its result; throws what it throws. */
    <T> T call(Callable<T> task) {
        if (Thread.currentThread() == owner) {
            return unchecked(task);
        }
        FutureTask<T> f = new FutureTask<>(task);
        synchronized (this) {
            if (closed) {
                throw new AnalysisCancelledException();
            }
            queue.add(f);
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw TaskFailures.unwrap(e);
        } catch (CancellationException e) {
            throw new AnalysisCancelledException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisCancelledException();
        }
    }

    /**
     * On the host thread: runs queued calls until {@code until} is done, and {@code tick} after
     * each call and at least every few milliseconds. Afterwards no call is accepted any more.
     */
    void serve(Future<?> until, Runnable tick) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("serve() must run on the host thread");
        }
        try {
            while (!until.isDone()) {
                FutureTask<?> f;
                try {
                    f = queue.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    shutDown();
                    continue;
                }
                if (f != null) {
                    f.run();
                }
                tick.run();
            }
        } finally {
            shutDown();
        }
    }

    /** Refuses further calls and cancels the queued ones: their callers see a cancellation. */
    void shutDown() {
        synchronized (this) {
            closed = true;
        }
        for (FutureTask<?> f; (f = queue.poll()) != null; ) {
            f.cancel(false);
        }
    }

    private static <T> T unchecked(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
