package org.vidkompy.temporal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An hour at 60 fps per input (216,000 frames each) of random-walk descriptors: the alignment must fit
 * the memory plan (the whole run stays far inside -Xmx1g) and still be right. Set
 * {@code -Dvidkompy.scaleFrames=N} to change the length.
 */
@Tag("scale")
class TemporalScaleTest {

    private static final int FRAMES = Integer.getInteger("vidkompy.scaleFrames", 216_000);

    /** A slowly wandering descriptor per frame, like footage with steady motion. */
    private static byte[] randomWalk(int frames, int dim, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[dim];
        byte[] out = new byte[frames * dim];
        for (int f = 0; f < frames; f++) {
            for (int k = 0; k < dim; k++) {
                v[k] = 0.97 * v[k] + 0.25 * rnd.nextGaussian();
                out[f * dim + k] = (byte) Math.max(-127, Math.min(127, Math.round(v[k] * 32)));
            }
        }
        return out;
    }

    @Test
    void oneHourPairAlignsWithinMemoryPlan() {
        int dim = 256;
        int offset = 1_234;
        int bgFrames = FRAMES + 2 * offset;
        byte[] bgVec = randomWalk(bgFrames, dim, 1);
        byte[] fgVec = new byte[FRAMES * dim];
        Random rnd = new Random(2);
        for (int j = 0; j < FRAMES; j++) {
            for (int k = 0; k < dim; k++) {
                int v = bgVec[(j + offset) * dim + k] + (int) Math.round(6 * rnd.nextGaussian());
                fgVec[j * dim + k] = (byte) Math.max(-127, Math.min(127, v));
            }
        }
        DescriptorSpec spec = DescriptorSpec.standard();
        DescriptorSequence bg = DescriptorSequence.ofVectors(spec, bgFrames, dim, bgVec);
        DescriptorSequence fg = DescriptorSequence.ofVectors(spec, FRAMES, dim, fgVec);
        bgVec = null;
        fgVec = null;

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        PeakHeap peak = new PeakHeap();
        peak.start();
        long t0 = System.nanoTime();
        TemporalAlignment a = new TemporalAligner(new CpuCostKernel()).align(fg, bg, TemporalOptions.of(60, 60));
        double secs = (System.nanoTime() - t0) / 1e9;
        peak.stopSampling();
        int exact = 0;
        for (int j = 0; j < FRAMES; j++) {
            exact += a.map()[j] == j + offset ? 1 : 0;
        }
        long descriptors = fg.retainedBytes() + bg.retainedBytes();
        long extra = Math.max(0, peak.max - before);
        System.out.printf("scale: %d fg x %d bg frames, %.1f s, exact %.3f %%, descriptors %d MB, "
                        + "alignment working set <= %d MB (sampled), heap max %d MB%n", FRAMES, bgFrames, secs,
                100.0 * exact / FRAMES, descriptors >> 20, extra >> 20, rt.maxMemory() >> 20);
        assertTrue(exact >= 0.99 * FRAMES, "exact " + exact);
        assertTrue(descriptors + extra < 700L << 20, "memory " + ((descriptors + extra) >> 20) + " MB");
    }

    /** Samples used heap while the alignment runs (a coarse but honest upper view of its working set). */
    private static final class PeakHeap extends Thread {
        volatile boolean running = true;
        volatile long max;

        PeakHeap() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime rt = Runtime.getRuntime();
            while (running) {
                max = Math.max(max, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }
    }
}
