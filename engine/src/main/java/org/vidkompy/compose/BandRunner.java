package org.vidkompy.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one frame's bands of rows: the caller's thread takes the first, helper threads the others,
 * and the frame is done when all are. Both compositors split their covered rectangle this way.
 */
final class BandRunner implements AutoCloseable {

    private final ExecutorService pool;

    /** @param bands how many bands a frame has: one runs on the caller's thread, the rest on helpers */
    BandRunner(int bands) {
        this.pool = bands > 1 ? Executors.newFixedThreadPool(bands - 1, r -> {
            Thread t = new Thread(r, "vidkompy-composite-band");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Runs {@code local} here and {@code remote} on the helpers, returning when all have finished. */
    void run(Runnable local, List<Callable<Void>> remote) {
        if (pool == null || remote.isEmpty()) {
            local.run();
            for (Callable<Void> c : remote) {
                call(c);
            }
            return;
        }
        List<Future<Void>> pending = new ArrayList<>(remote.size());
        for (Callable<Void> c : remote) {
            pending.add(pool.submit(c));
        }
        local.run();
        try {
            for (Future<Void> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("compositing interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("compositing failed", e.getCause());
        }
    }

    private static void call(Callable<Void> c) {
        try {
            c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("compositing failed", e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                // Band helpers only ever run for the length of one frame.
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
