package org.vidkompy.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vidkompy.media.FrameRange;

/**
 * The alignment never fails on its own: whatever the descriptors (noise, flat, all alike, extreme
 * values, a real-looking bg with an fg cut from it with jumps back and forth), whatever the lengths,
 * frame rates and timestamps (variable rate, gaps, repaired duplicates), both overloads of
 * {@link TemporalAligner#align} return one valid bg frame per fg frame, confidences in [0, 1] and
 * ranges inside the clip. Seeded, and sized to run in a few seconds.
 */
class TemporalAlignerPropertyTest {

    /** Cases per run; {@code -Dvidkompy.property.cases=N -Dvidkompy.property.seed=S} explores further. */
    private static final int CASES = Integer.getInteger("vidkompy.property.cases", 48);
    private static final long SEED = Long.getLong("vidkompy.property.seed", 20261201L);
    private static final int DIM = new FrameDescriber(DescriptorSpec.standard()).dimension();

    @Test
    void everyInputGetsAWellFormedAlignment() {
        TemporalAligner aligner = new TemporalAligner(new CpuCostKernel());
        Random rnd = new Random(SEED);
        for (int c = 0; c < CASES; c++) {
            long seed = rnd.nextLong();
            Random r = new Random(seed);
            // Mostly small (fast), now and then the full range.
            int n = r.nextInt(10) == 0 ? 1 + r.nextInt(2000) : 1 + (int) Math.exp(r.nextDouble() * Math.log(400));
            int m = r.nextInt(10) == 0 ? 1 + r.nextInt(3000) : 1 + (int) Math.exp(r.nextDouble() * Math.log(600));
            double fgFps = 1 + r.nextDouble() * 239;
            double ratio = Math.exp((r.nextDouble() * 2 - 1) * Math.log(8));
            double bgFps = Math.max(1, Math.min(240, fgFps * ratio));
            int kind = r.nextInt(6);
            DescriptorSequence bg = bg(kind, m, r);
            DescriptorSequence fg = fg(kind, n, bg, r);
            TemporalOptions opts = TemporalOptions.of(fgFps, bgFps);
            boolean timed = r.nextBoolean();
            String what = "case " + c + " (seed " + seed + "): " + n + " fg at " + fgFps + " fps, " + m + " bg at "
                    + bgFps + " fps, content " + kind + (timed ? ", timestamps" : "");
            TemporalAlignment a;
            try {
                a = timed ? aligner.align(fg, times(n, fgFps, r), bg, opts) : aligner.align(fg, bg, opts);
            } catch (RuntimeException e) {
                throw new AssertionError(what + ": " + e, e);
            }
            check(a, n, m, what);
        }
    }

    private static void check(TemporalAlignment a, int n, int m, String what) {
        assertEquals(n, a.map().length, what + ": map length");
        assertEquals(n, a.frameConfidence().length, what + ": confidence length");
        for (int i = 0; i < n; i++) {
            int j = a.map()[i];
            if (j < 0 || j >= m) {
                fail(what + ": fg frame " + i + " on bg frame " + j);
            }
            float f = a.frameConfidence()[i];
            assertTrue(f >= 0 && f <= 1, what + ": frame " + i + " confidence " + f);
        }
        assertTrue(a.confidence() >= 0 && a.confidence() <= 1, what + ": confidence " + a.confidence());
        for (FrameRange range : a.unmatched()) {
            assertTrue(range.last() < n, what + ": unmatched " + range);
        }
        for (FrameRange range : a.uninformative()) {
            assertTrue(range.last() < n, what + ": uninformative " + range);
        }
    }

    /** 0 noise, 1 flat, 2 all alike, 3 extreme values with flat frames, 4-5 a drifting scene. */
    private static DescriptorSequence bg(int kind, int m, Random r) {
        byte[] v = new byte[m * DIM];
        switch (kind) {
            case 0 -> r.nextBytes(v);
            case 1 -> { }
            case 2 -> {
                byte[] one = new byte[DIM];
                r.nextBytes(one);
                for (int j = 0; j < m; j++) {
                    System.arraycopy(one, 0, v, j * DIM, DIM);
                }
            }
            case 3 -> {
                for (int j = 0; j < m; j++) {
                    if (r.nextInt(3) > 0) {
                        for (int k = 0; k < DIM; k++) {
                            v[j * DIM + k] = (byte) (r.nextBoolean() ? 127 : -128);
                        }
                    }
                }
            }
            default -> {
                double[] x = new double[DIM];
                for (int k = 0; k < DIM; k++) {
                    x[k] = r.nextGaussian() * 40;
                }
                for (int j = 0; j < m; j++) {
                    for (int k = 0; k < DIM; k++) {
                        x[k] = 0.97 * x[k] + r.nextGaussian() * 10;
                        v[j * DIM + k] = (byte) Math.max(-127, Math.min(127, Math.round(x[k])));
                    }
                }
            }
        }
        return DescriptorSequence.ofVectors(DescriptorSpec.standard(), m, DIM, v);
    }

    /** For the scene kinds, bg frames in a walk with forward cuts, replays and flat frames; else like the bg. */
    private static DescriptorSequence fg(int kind, int n, DescriptorSequence bg, Random r) {
        if (kind < 4) {
            return bg(r.nextInt(4), n, r);
        }
        int m = bg.size();
        int[] source = new int[n];
        int at = r.nextInt(m);
        for (int i = 0; i < n; i++) {
            int event = r.nextInt(100);
            if (event < 2) {
                at = r.nextInt(m); // a jump back or forth
            } else if (event < 90) {
                at += r.nextInt(3);
            }
            source[i] = event == 99 || at >= m ? -1 : at;
        }
        DescriptorSequence s = bg.resampled(source);
        if (kind == 5) {
            // Noise on top, as a graded, recompressed copy would carry.
            byte[] v = s.vectors().clone();
            for (int k = 0; k < v.length; k++) {
                if (v[k] != 0 || r.nextInt(50) == 0) {
                    v[k] = (byte) Math.max(-127, Math.min(127, v[k] + r.nextInt(41) - 20));
                }
            }
            return DescriptorSequence.ofVectors(s.spec(), n, DIM, v);
        }
        return s;
    }

    /** Rising timestamps about 1/fps apart: jitter, bursts of drops, long gaps, duplicates repaired. */
    private static double[] times(int n, double fps, Random r) {
        double[] t = new double[n];
        double step = 1 / fps;
        double now = r.nextDouble() * 100;
        for (int i = 0; i < n; i++) {
            int event = r.nextInt(100);
            if (i > 0) {
                if (event < 3) {
                    now += step * (2 + r.nextInt(100)); // a gap
                } else if (event < 8) {
                    now += 0; // a duplicate
                } else {
                    now += step * (1 + (r.nextDouble() - 0.5) * 0.6);
                }
            }
            t[i] = now;
        }
        for (int i = 1; i < n; i++) {
            if (!(t[i] > t[i - 1])) {
                t[i] = Math.nextUp(t[i - 1]) + 1.0 / 90_000; // repaired as the demuxer does
            }
        }
        return t;
    }
}
