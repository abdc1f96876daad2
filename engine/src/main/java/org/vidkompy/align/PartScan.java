package org.vidkompy.align;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.vidkompy.media.Clip;
import org.vidkompy.media.ClipSource;

/**
 * Clips' scans in parts ({@link ClipSource#split}), decoded by one crew of workers, one per core: one
 * H.264 decoder's frame threads kept 1.3-1.7 of two cores busy (each waits for the reference rows of
 * the frame before), decoders of different parts keep them all busy. With two parts per worker each
 * decodes on one thread: frame threads cost 5-8 % more CPU for the same frames, and with parts enough
 * the workers are busy without them (1080p pair on two cores, one series: four parts on one thread
 * each took 6.7 s, two parts on one thread each 6.8 s, two parts with frame threads 7.2 s).
 *
 * <p>The scans of both clips share the crew, and a worker takes the costliest part waiting (most
 * pixels to decode): the small fg's parts fill in at the end. With a crew per clip the fg's ended
 * first and the last bg part decoded alone on one core for half a second (1080p pair, 0.55 s of
 * a 4.8 s scan).
 */
final class PartScan {

    /** Parts decoded at once: one per core. */
    static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** A clip is cut into this many parts per worker where it can be. */
    static final int PARTS_PER_WORKER = 2;

    private final ExecutorService pool;
    private final PriorityQueue<Part> waiting = new PriorityQueue<>();
    private int working;
    private long queued;

    /** @param pool where the {@link #WORKERS} workers run, beside any threads calling {@link #run} */
    PartScan(ExecutorService pool) {
        this.pool = pool;
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
     * Runs every part of {@code split}, a cut of {@code clip}, among the parts of other scans, part
     * {@code p}'s frames to {@code visitor.apply(p)}, and waits for them; true where the parts added up
     * to the whole clip ({@link ClipSource.SplitScan#complete}). The first failure stops the scan's
     * other parts and is thrown here.
     */
    boolean run(Clip clip, ClipSource.SplitScan split, List<ClipSource.Thumb> thumbs,
                IntFunction<ClipSource.FrameVisitor> visitor) {
        int parts = split.parts();
        Scan scan = new Scan(split, thumbs, visitor, parts >= PARTS_PER_WORKER * WORKERS ? 1 : 0);
        double cost = (double) clip.width() * clip.height() * Math.max(1, clip.frames()) / parts;
        synchronized (this) {
            for (int p = 0; p < parts; p++) {
                waiting.add(new Part(scan, p, cost, queued++));
            }
            // A worker that found nothing waiting has left: the crew is made up again.
            while (working < WORKERS && working < waiting.size()) {
                working++;
                pool.submit(this::work);
            }
        }
        try {
            scan.finished.await();
        } catch (InterruptedException e) {
            scan.failure.compareAndSet(null, new AnalysisCancelledException());
            Thread.currentThread().interrupt();
            throw new AnalysisCancelledException();
        }
        Throwable f = scan.failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error er) {
            throw er;
        }
        return split.complete();
    }

    /** Parts queued and not yet taken by a worker. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void work() {
        while (true) {
            Part part;
            synchronized (this) {
                part = waiting.poll();
                if (part == null) {
                    working--;
                    return;
                }
            }
            part.scan().run(part.index());
        }
    }

    /** One clip's scan: its parts, how many are left, its first failure. */
    private static final class Scan {
        final ClipSource.SplitScan split;
        final List<ClipSource.Thumb> thumbs;
        final IntFunction<ClipSource.FrameVisitor> visitor;
        final int threads;
        final CountDownLatch finished;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Scan(ClipSource.SplitScan split, List<ClipSource.Thumb> thumbs, IntFunction<ClipSource.FrameVisitor> visitor,
             int threads) {
            this.split = split;
            this.thumbs = new ArrayList<>(thumbs);
            this.visitor = visitor;
            this.threads = threads;
            this.finished = new CountDownLatch(split.parts());
        }

        void run(int p) {
            try {
                if (failure.get() == null) {
                    ClipSource.FrameVisitor v = visitor.apply(p);
                    split.scan(p, thumbs, threads, (i, t, planes, whole) -> {
                        if (failure.get() != null || Thread.currentThread().isInterrupted()) {
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
    }

    /** A part waiting: the costliest first, then in the order queued. */
    private record Part(Scan scan, int index, double cost, long order) implements Comparable<Part> {
        @Override
        public int compareTo(Part o) {
            int c = Double.compare(o.cost, cost);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
