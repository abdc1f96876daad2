package org.vidkompy.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Runs pipeline stages on their own threads and makes them fail together: the first failure is
 * kept, every other stage is interrupted (they block only in {@link Clock#take}/{@link Clock#put},
 * which react to it at once), and {@link #run()} rethrows that one failure after all threads have
 * ended, so resources closed by the stages are closed before the caller goes on.
 */
final class Stages {

    /** A stage's work; it reports its waiting through the clock. */
    interface Body {
        void run(Clock clock) throws Exception;
    }

    /** Wall and waiting time of one stage, measured around its blocking queue operations. */
    static final class Clock {
        private long start;
        private long end;
        private long waited;
        private long extraBusy;

        <T> T take(BlockingQueue<T> q) throws InterruptedException {
            long t = System.nanoTime();
            try {
                return q.take();
            } finally {
                waited += System.nanoTime() - t;
            }
        }

        <T> void put(BlockingQueue<T> q, T item) throws InterruptedException {
            long t = System.nanoTime();
            try {
                q.put(item);
            } finally {
                waited += System.nanoTime() - t;
            }
        }

        /** Work done for this stage on another thread after it ended (the encoder's flush). */
        void addWork(long nanos) {
            extraBusy += nanos;
        }

        StageTime time(String name) {
            double wall = (end - start + extraBusy) / 1e9;
            return new StageTime(name, wall, Math.max(0, wall - waited / 1e9));
        }
    }

    private record Entry(String name, Body body, Clock clock) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Object lock = new Object();
    private Throwable failure;
    private List<Thread> threads;

    Clock add(String name, Body body) {
        Clock c = new Clock();
        entries.add(new Entry(name, body, c));
        return c;
    }

    /**
     * Runs every stage to its end. If the calling thread is interrupted, all stages are stopped
     * and a {@link CancellationException} is thrown (with the interrupt flag kept).
     */
    List<StageTime> run() {
        threads = new ArrayList<>();
        for (Entry e : entries) {
            Thread t = new Thread(() -> runStage(e), "vidkompy-" + e.name());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        boolean cancelled = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException ie) {
                    cancelled = true;
                    fail(new CancellationException("render cancelled"));
                }
            }
        }
        if (cancelled) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (failure != null) {
                throwUnchecked(failure);
            }
        }
        List<StageTime> times = new ArrayList<>();
        for (Entry e : entries) {
            times.add(e.clock().time(e.name()));
        }
        return times;
    }

    private void runStage(Entry e) {
        e.clock().start = System.nanoTime();
        try {
            e.body().run(e.clock());
        } catch (Throwable t) {
            fail(t);
        } finally {
            e.clock().end = System.nanoTime();
        }
    }

    private void fail(Throwable t) {
        synchronized (lock) {
            if (failure != null) {
                // Later failures are mostly the interrupts this one caused.
                if (!(t instanceof InterruptedException)) {
                    failure.addSuppressed(t);
                }
                return;
            }
            failure = t;
            for (Thread th : threads) {
                if (th != Thread.currentThread()) {
                    th.interrupt();
                }
            }
        }
    }

    private static void throwUnchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t instanceof InterruptedException) {
            throw new CancellationException("render interrupted");
        }
        throw new IllegalStateException(t.getMessage(), t);
    }
}
