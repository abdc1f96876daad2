package org.vidkompy.align;

import java.util.Arrays;

/**
 * Every frame's presentation time, as a scan meets them, made usable as a clock: rising strictly.
 * A missing time (NaN, a host that gives none) or one that does not rise (a damaged or oddly muxed
 * stream) becomes the previous time plus one nominal frame, so the analysis never divides by a zero
 * step or walks time backwards.
 */
final class FrameClock {

    private final double frame;
    private double[] times = new double[256];
    private int size;

    FrameClock(double fps) {
        this.frame = fps > 0 && Double.isFinite(fps) ? 1 / fps : 1 / 25.0;
    }

    void add(double t) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
        }
        double prev = size == 0 ? Double.NaN : times[size - 1];
        double v;
        if (!Double.isFinite(t)) {
            v = size == 0 ? 0 : prev + frame;
        } else if (size > 0 && !(t > prev + 1e-6)) {
            v = prev + frame;
        } else {
            v = t;
        }
        times[size++] = v;
    }

    double[] times() {
        return Arrays.copyOf(times, size);
    }
}
