package org.vidkompy.align;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.vidkompy.media.ClipSource;

/**
 * A clip's scan in parts ({@link ClipSource#split}), the parts decoded at once, one per core: one H.264
 * decoder's frame threads kept 1.3-1.7 of two cores busy (each waits for the reference rows of the
 * frame before), decoders of different parts keep them all busy. With two parts per worker each
 * decodes on one thread: frame threads cost 5-8 % more CPU for the same frames, and with parts enough
 * the workers are busy without them (1080p pair on two cores, one series: four parts on one thread
 * each took 6.7 s, two parts on one thread each 6.8 s, two parts with frame threads 7.2 s).
 */
final class PartScan {

    /** Parts of one clip decoded at once: one per core. */
    static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** A clip is cut into this many parts per worker where it can be. */
    static final int PARTS_PER_WORKER = 2;

    private PartScan() {
    }

    /** Daemon workers for scans, named {@code name} in thread dumps. */
    static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The clip cut into parts, or null where it cannot be cut. */
    static ClipSource.SplitScan split(ClipSource clip) {
        return clip.split(PARTS_PER_WORKER * WORKERS);
    }

    /**
     * Runs every part, this thread and up to {@code WORKERS - 1} of {@code pool}'s taking the next
     * part until none is left, part {@code p}'s frames to {@code visitor.apply(p)}; true where the
     * parts added up to the whole clip ({@link ClipSource.SplitScan#complete}). A worker that gets no
     * thread before the parts run out is not waited for; the first failure stops the others and is
     * thrown here.
     */
    static boolean run(ClipSource.SplitScan split, List<ClipSource.Thumb> thumbs, ExecutorService pool,
                       IntFunction<ClipSource.FrameVisitor> visitor) {
        int parts = split.parts();
        int threads = parts >= PARTS_PER_WORKER * WORKERS ? 1 : 0;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(parts);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int p = next.getAndIncrement(); p < parts; p = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        ClipSource.FrameVisitor v = visitor.apply(p);
                        split.scan(p, thumbs, threads, (i, t, planes, whole) -> {
                            if (failure.get() != null) {
                                throw new AnalysisCancelledException();
                            }
                            v.frame(i, t, planes, whole);
                        });
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        List<Future<?>> others = new ArrayList<>();
        for (int w = 1; w < Math.min(WORKERS, parts); w++) {
            others.add(pool.submit(worker));
        }
        try {
            worker.run();
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisCancelledException();
        } finally {
            for (Future<?> o : others) {
                o.cancel(true);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error er) {
            throw er;
        }
        return split.complete();
    }
}
