package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vidkompy.media.Clip;
import org.vidkompy.media.ClipSource;

/** The shared crew of part workers: every part once, the costliest first, failures kept to their scan. */
class PartScanTest {

    /** A clip cut into parts of {@code framesPerPart} frames that records which part starts when. */
    private static final class FakeSplit implements ClipSource.SplitScan {
        final String name;
        final int parts;
        final int framesPerPart;
        final List<String> starts;
        final AtomicInteger frames = new AtomicInteger();
        final int failingPart;

        FakeSplit(String name, int parts, int framesPerPart, List<String> starts, int failingPart) {
            this.name = name;
            this.parts = parts;
            this.framesPerPart = framesPerPart;
            this.starts = starts;
            this.failingPart = failingPart;
        }

        @Override
        public int parts() {
            return parts;
        }

        @Override
        public void scan(int part, List<ClipSource.Thumb> thumbs, int threads, ClipSource.FrameVisitor visitor) {
            starts.add(name + part);
            if (part == failingPart) {
                throw new IllegalStateException("damaged part " + part);
            }
            for (int f = 0; f < framesPerPart; f++) {
                visitor.frame(part * framesPerPart + f, 0, new org.vidkompy.image.Plane[0], null);
            }
        }

        @Override
        public boolean complete() {
            return frames.get() == parts * framesPerPart;
        }

        Clip clip(int width, int height) {
            return new Clip(name, width, height, 25, (long) parts * framesPerPart);
        }
    }

    private static ExecutorService gatedPool(int threads, CountDownLatch gate) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    return;
                }
                r.run();
            });
            t.setDaemon(true);
            return t;
        });
    }

    @Test
    void runsEveryPartOfBothScansOnceWithTheCostliestFirst() throws Exception {
        List<String> starts = Collections.synchronizedList(new ArrayList<>());
        int bigParts = 3 * PartScan.WORKERS;
        FakeSplit big = new FakeSplit("bg", bigParts, 20, starts, -1);
        FakeSplit small = new FakeSplit("fg", 4, 20, starts, -1);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        ExecutorService pool = gatedPool(PartScan.WORKERS, gate);
        try {
            PartScan crew = new PartScan(pool);
            // The small clip is queued first: the order must come from the cost, not from the queueing.
            Future<Boolean> s = callers.submit(() -> crew.run(small.clip(320, 180), small, List.of(),
                    p -> (i, t, planes, whole) -> small.frames.incrementAndGet()));
            waitUntilQueued(crew, 4);
            Future<Boolean> b = callers.submit(() -> crew.run(big.clip(1920, 1080), big, List.of(),
                    p -> (i, t, planes, whole) -> big.frames.incrementAndGet()));
            waitUntilQueued(crew, 4 + bigParts);
            gate.countDown();
            assertTrue(b.get(30, TimeUnit.SECONDS));
            assertTrue(s.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
            callers.shutdownNow();
        }
        assertEquals(bigParts + 4, starts.size());
        assertEquals(bigParts * 20, big.frames.get());
        assertEquals(4 * 20, small.frames.get());
        // Parts are taken in cost order; a worker may record its start a little after another took the
        // next part, so only the first parts are certain to be the costly clip's.
        for (String first : starts.subList(0, bigParts - (PartScan.WORKERS - 1))) {
            assertTrue(first.startsWith("bg"), "costly parts first: " + starts);
        }
    }

    @Test
    void aFailingPartFailsItsOwnScanOnly() throws Exception {
        List<String> starts = Collections.synchronizedList(new ArrayList<>());
        FakeSplit broken = new FakeSplit("bg", 6, 10, starts, 2);
        FakeSplit fine = new FakeSplit("fg", 4, 10, starts, -1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        ExecutorService pool = PartScan.pool(PartScan.WORKERS, "test-scan");
        try {
            PartScan crew = new PartScan(pool);
            Future<Boolean> b = callers.submit(() -> crew.run(broken.clip(1920, 1080), broken, List.of(),
                    p -> (i, t, planes, whole) -> broken.frames.incrementAndGet()));
            Future<Boolean> f = callers.submit(() -> crew.run(fine.clip(320, 180), fine, List.of(),
                    p -> (i, t, planes, whole) -> fine.frames.incrementAndGet()));
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> b.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException, "the part's own failure: " + e.getCause());
            assertTrue(f.get(30, TimeUnit.SECONDS));
            assertEquals(40, fine.frames.get());
        } finally {
            pool.shutdownNow();
            callers.shutdownNow();
        }
    }

    /** Waits (briefly) until {@code n} parts are queued and none taken: the workers are held at the gate. */
    private static void waitUntilQueued(PartScan crew, int n) throws InterruptedException {
        for (int k = 0; k < 3000 && crew.waiting() < n; k++) {
            Thread.sleep(1);
        }
        assertEquals(n, crew.waiting());
    }
}
