package org.vidkompy.synth;

import java.util.Arrays;
import java.util.Random;
import org.vidkompy.io.Rational;

/**
 * Builders for the ground-truth map from fg frame to bg frame: {@code map[j]} is the bg frame
 * index shown by fg frame {@code j}.
 */
public final class TimeMaps {

    private TimeMaps() {
    }

    /**
     * fg frame j shows bg frame {@code start + round(j * bgPerFg)}: another start, another frame
     * rate (25 to 30 fps duplicates bg frames, 24 to 12 skips every other one).
     */
    public static int[] linear(int fgFrames, int start, double bgPerFg) {
        return drifting(fgFrames, start, bgPerFg, 0);
    }

    /** Like {@link #linear} but the speed changes smoothly by {@code drift} (0.03 = 3 %) over the clip. */
    public static int[] drifting(int fgFrames, int start, double bgPerFg, double drift) {
        int[] map = new int[fgFrames];
        for (int j = 0; j < fgFrames; j++) {
            // Integral of a speed rising linearly from 1 to 1+drift.
            double pos = j * bgPerFg * (1 + drift * j / (2.0 * Math.max(1, fgFrames - 1)));
            map[j] = start + (int) Math.round(pos);
        }
        return map;
    }

    /** From fg frame {@code at} on, the fg skips {@code jump} bg frames ahead (an edit cut). */
    public static int[] withCut(int[] map, int at, int jump) {
        int[] out = map.clone();
        for (int j = at; j < out.length; j++) {
            out[j] += jump;
        }
        return out;
    }

    public static int max(int[] map) {
        int m = Integer.MIN_VALUE;
        for (int v : map) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * A variable-frame-rate fg: every frame's timestamp and the bg frame under it.
     *
     * @param nominal the rate the fg file declares (the capture's nominal rate)
     */
    public record Vfr(Rational nominal, FgTimes times, int[] map) {
    }

    /** Time base of generated VFR timestamps: the MPEG 90 kHz clock that phones and screen recorders use. */
    public static final Rational CLOCK = new Rational(1, 90_000);

    /**
     * The bg frame nearest in time to each position (in bg frames, fractional), half-way ties going
     * to the later frame. A sub-frame phase in the positions keeps ties away.
     */
    public static int[] nearest(double[] bgPos) {
        int[] map = new int[bgPos.length];
        for (int j = 0; j < bgPos.length; j++) {
            map[j] = (int) Math.floor(bgPos[j] + 0.5);
        }
        return map;
    }

    /**
     * A fg at {@code ratio} times the bg's frame rate (2 = 50 fps over 25): fg frame j shows the bg
     * frame nearest to {@code start + phase + j / ratio}; consecutive fg frames repeat bg frames.
     */
    public static int[] faster(int fgFrames, int start, double ratio, double phase) {
        double[] pos = new double[fgFrames];
        for (int j = 0; j < fgFrames; j++) {
            pos[j] = start + phase + j / ratio;
        }
        return nearest(pos);
    }

    /**
     * A speed ramp, as an editor makes one: bg frames per fg frame is {@code from} up to fg frame
     * {@code rampStart}, changes linearly to {@code to} at {@code rampEnd}, and stays there. A step is
     * a ramp with {@code rampEnd == rampStart}. Speeds below one repeat bg frames (slow motion),
     * above one skip them.
     */
    public static int[] ramp(int fgFrames, double start, double from, double to, int rampStart, int rampEnd) {
        double[] pos = new double[fgFrames];
        double p = start;
        for (int j = 0; j < fgFrames; j++) {
            pos[j] = p;
            double speed;
            if (j < rampStart) {
                speed = from;
            } else if (j >= rampEnd) {
                speed = to;
            } else {
                speed = from + (to - from) * (j - rampStart + 0.5) / (rampEnd - rampStart);
            }
            p += speed;
        }
        return nearest(pos);
    }

    /**
     * A capture at {@code srcFps} (a nominal rate, e.g. 30) over a bg at {@code bgFps} that drops
     * frames irregularly: each frame independently with {@code dropP}, plus bursts of 2-6 frames with
     * {@code burstP} (a busy encoder). Kept frames keep their capture times, on the 90 kHz clock;
     * {@code jitter} (in capture frames, e.g. 0.15) moves each capture time by a bounded random
     * amount, as phones' timestamps wander. Each fg frame shows the bg frame nearest its time
     * {@code start + phase} bg frames after the bg's start.
     */
    public static Vfr variableRate(long seed, int srcFrames, Rational srcFps, Rational bgFps, double start,
            double dropP, double burstP, double jitter) {
        Random rnd = new Random(seed);
        long[] pts = new long[srcFrames];
        double[] pos = new double[srcFrames];
        int n = 0;
        double srcDur = 1 / srcFps.toDouble();
        long last = -1;
        for (int k = 0; k < srcFrames; k++) {
            if (rnd.nextDouble() < burstP) {
                k += 1 + rnd.nextInt(5);
                continue;
            }
            if (rnd.nextDouble() < dropP) {
                continue;
            }
            double t = k * srcDur;
            if (jitter > 0) {
                t += (rnd.nextDouble() * 2 - 1) * Math.min(jitter, 0.45) * srcDur;
            }
            long tick = Math.max(0, Math.round(t / CLOCK.toDouble()));
            if (tick <= last) {
                continue;
            }
            pts[n] = tick;
            pos[n] = start + tick * CLOCK.toDouble() * bgFps.toDouble();
            last = tick;
            n++;
        }
        // The fg's first frame is its time zero.
        long[] kept = Arrays.copyOf(pts, n);
        long t0 = kept[0];
        for (int j = 0; j < n; j++) {
            kept[j] -= t0;
        }
        double[] keptPos = Arrays.copyOf(pos, n);
        return new Vfr(srcFps, new FgTimes(CLOCK, kept), nearest(keptPos));
    }
}
