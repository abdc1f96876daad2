package org.vidkompy.ofx.engine;

import java.util.Map;
import org.vidkompy.align.AnalysisProgress;

/**
 * The analysis' stages folded into one fraction for the host's progress bar, and the user's
 * cancel. The engine reports from its worker threads; the host thread reads {@link #fraction()} and
 * sets {@link #cancel()} when the host's progress answers "cancelled".
 */
final class OfxProgress implements AnalysisProgress {
    /** Share of the bar per stage, in the order the analysis runs them (rounds repeat the last two). */
    private static final Map<String, double[]> BANDS = Map.of(
            "sampling", new double[] {0.00, 0.02},
            "scanning", new double[] {0.02, 0.80},
            "placing", new double[] {0.80, 0.85},
            "temporal", new double[] {0.85, 0.95},
            "refining", new double[] {0.95, 0.99});

    private double[] band = {0, 0};
    private long total = 1;
    private volatile double fraction;
    private volatile boolean cancelled;

    @Override
    public synchronized void stage(String name, long stageTotal) {
        double now = fraction;
        band = BANDS.getOrDefault(name, new double[] {now, now});
        total = Math.max(1, stageTotal);
        raise(band[0]);
    }

    @Override
    public synchronized void advance(long done) {
        raise(band[0] + (band[1] - band[0]) * Math.min(1.0, (double) done / total));
    }

    private void raise(double f) {
        if (f > fraction) {
            fraction = Math.min(1.0, f);
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    double fraction() {
        return fraction;
    }

    void cancel() {
        cancelled = true;
    }
}
