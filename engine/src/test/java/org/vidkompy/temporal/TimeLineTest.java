package org.vidkompy.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The time curve recovers the true fractional bg position from integer matches, some of them wrong. */
class TimeLineTest {

    private static double[] bgTimes(int n, double fps) {
        double[] t = new double[n];
        for (int j = 0; j < n; j++) {
            t[j] = j / fps;
        }
        return t;
    }

    /** fg times with random drops (a variable-rate capture at {@code fps}). */
    private static double[] fgTimes(Random rnd, int n, double fps, double dropP) {
        double[] t = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (rnd.nextDouble() < dropP) {
                k++;
            }
            t[i] = k++ / fps;
        }
        return t;
    }

    @ParameterizedTest(name = "speed {0} -> {1} at fg frame {2}, {3} wrong")
    @CsvSource({"1.0, 1.0, 0, 0.0", "1.0, 2.0, 150, 0.0", "1.0, 0.5, 100, 0.05", "0.8, 1.3, 200, 0.10",
            "2.0, 2.0, 0, 0.10", "0.25, 0.25, 0, 0.0", "4.0, 4.0, 0, 0.05"})
    void findsTheMomentOfEveryFrame(double from, double to, int stepAt, double wrongShare) {
        Random rnd = new Random(Double.hashCode(from * 31 + to) + stepAt);
        int n = 300;
        double[] ft = fgTimes(rnd, n, 30, 0.2);
        double[] truth = new double[n];
        // bg position = integral of the speed over fg time, in bg frames at 25 fps.
        double p = 40.3;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                p += (ft[i] - ft[i - 1]) * 25 * (i <= stepAt ? from : to);
            }
            truth[i] = p;
        }
        int[] path = new int[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            path[i] = (int) Math.round(truth[i]);
            if (rnd.nextDouble() < wrongShare) {
                path[i] += rnd.nextBoolean() ? 1 : -1;
                weight[i] = 0.1; // a wrong pick rarely looks decisive
            } else {
                weight[i] = 1;
            }
        }
        TimeLine line = new TimeLine(bgTimes(2000, 25));
        double[] at = line.positions(ft, path, weight);
        int nearest = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(at[i] - truth[i]));
            if (Math.round(at[i]) == Math.round(truth[i])) {
                nearest++;
            }
        }
        assertTrue(worst < 0.45, "worst miss " + worst + " bg frames");
        assertTrue(nearest >= 0.97 * n, nearest + " of " + n + " frames nearest in time");
    }

    /**
     * One speed, or one that changes steadily (drift), over the whole clip: one curve through every
     * match, a few hundredths of a frame from the truth, where short windows following their own
     * few points' rounding missed by a third of a frame.
     */
    @ParameterizedTest(name = "speed {0}, drift {1}, {2} wrong, {3} frames")
    @CsvSource({"1.0, 0.0, 0.0, 143", "1.0, 0.03, 0.0, 600", "0.25, 0.0, 0.05, 300", "4.0, 0.0, 0.05, 300",
            "0.8, 0.0, 0.10, 120", "2.0, -0.05, 0.05, 400", "1.1, 0.0, 0.0, 60"})
    void oneSpeedIsReadOffOneCurve(double speed, double drift, double wrongShare, int n) {
        Random rnd = new Random(n * 7L + Double.hashCode(speed + drift));
        double[] ft = fgTimes(rnd, n, 30, 0.1);
        double span = ft[n - 1];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            // Speed rising linearly by drift over the clip: position is its integral, a parabola.
            double t = ft[i];
            truth[i] = 30.37 + 25 * speed * (t + drift * t * t / (2 * span));
        }
        int[] path = new int[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            path[i] = (int) Math.round(truth[i]);
            weight[i] = 1;
            if (rnd.nextDouble() < wrongShare) {
                path[i] += rnd.nextBoolean() ? 1 : -1;
                weight[i] = 0.1;
            }
        }
        double[] at = new TimeLine(bgTimes(3000, 25)).positions(ft, path, weight);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(at[i] - truth[i]));
        }
        assertTrue(worst < 0.12, "worst miss " + worst + " bg frames");
    }

    /**
     * A reading is firm only where its moments are right to a small part of a frame: on pieces at one
     * speed, and never on one line laid through a ramp or a step, whatever the evidence's weights
     * (decisive frames 1, the others a tenth, some of those one off).
     */
    @ParameterizedTest(name = "speed {0} -> {1} from fg frame {2}, ramp of {3} frames, seed {4}")
    @CsvSource({"1.0, 1.0, 0, 0, 1", "1.0, 1.0, 0, 0, 2", "0.8, 0.8, 0, 0, 3", "2.0, 2.0, 0, 0, 4",
            "1.0, 1.05, 0, 200, 5", "1.0, 1.1, 50, 100, 6", "1.0, 0.95, 100, 100, 7", "1.0, 1.03, 0, 200, 8",
            "1.0, 0.9, 120, 1, 9", "1.0, 1.2, 60, 60, 10", "0.5, 0.55, 0, 200, 11", "1.0, 1.02, 100, 100, 12"})
    void aFirmReadingIsRight(double from, double to, int rampAt, int rampFrames, long seed) {
        Random rnd = new Random(seed);
        int n = 200;
        double[] ft = fgTimes(rnd, n, 30, 0.1);
        double[] truth = new double[n];
        double p = 20.0 + rnd.nextDouble();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                double share = rampFrames == 0 ? 0 : Math.max(0, Math.min(1, (i - rampAt) / (double) rampFrames));
                p += (ft[i] - ft[i - 1]) * 25 * (from + (to - from) * share);
            }
            truth[i] = p;
        }
        int[] path = new int[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            path[i] = (int) Math.round(truth[i]);
            weight[i] = rnd.nextDouble() < 0.3 ? 1 : 0.1;
            if (weight[i] < 1 && rnd.nextDouble() < 0.1) {
                path[i] += rnd.nextBoolean() ? 1 : -1;
            }
        }
        TimeLine.Reading r = new TimeLine(bgTimes(1000, 25)).read(ft, path, weight, path, path);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(r.at()[i] - truth[i]));
        }
        if (from == to) {
            assertTrue(r.firm(), "one speed, read off local curves (worst miss " + worst + ")");
        }
        if (r.firm()) {
            assertTrue(worst < 0.2, "firm, yet " + worst + " bg frames off");
        }
    }

    @Test
    void aForwardCutIsFollowedFromBothSides() {
        int n = 200;
        double[] ft = bgTimes(n, 25);
        int[] path = new int[n];
        for (int i = 0; i < n; i++) {
            path[i] = 10 + i + (i >= 100 ? 75 : 0);
        }
        double[] weight = new double[n];
        Arrays.fill(weight, 1);
        double[] at = new TimeLine(bgTimes(400, 25)).positions(ft, path, weight);
        for (int i = 0; i < n; i++) {
            assertEquals(path[i], at[i], 0.05, "frame " + i);
        }
    }

    @Test
    void withoutEvidenceTheMomentIsUnknown() {
        double[] ft = bgTimes(50, 25);
        int[] path = new int[50];
        double[] at = new TimeLine(bgTimes(100, 25)).positions(ft, path, new double[50]);
        assertTrue(Arrays.stream(at).allMatch(Double::isNaN));
    }

    @Test
    void aVariableRateBgIsReadInItsOwnFrames() {
        // bg frames at irregular times: the position is a fractional bg index, not time x rate.
        double[] bt = {0, 0.04, 0.10, 0.12, 0.20, 0.24, 0.30, 0.36, 0.40, 0.48, 0.52};
        TimeLine line = new TimeLine(bt);
        assertEquals(2.5, line.position(0.11), 1e-9);
        assertEquals(0.0, line.position(0.0), 1e-9);
        assertEquals(10.0, line.position(0.52), 1e-9);
        assertEquals(0.10, line.bgTime(2), 1e-12);
    }
}
