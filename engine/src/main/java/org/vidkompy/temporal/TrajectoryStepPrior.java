package org.vidkompy.temporal;

/**
 * Step prior from a measured trajectory: row {@code i} expects exactly the step {@code expected[i]}
 * (the rounded smooth trajectory, which carries the local rate and its phase, so frame duplication
 * patterns and drift come out right without any penalty); each frame of deviation costs
 * {@code stepPenalty}. Only one step is free, unlike {@link RateStepPrior}, so a weak picture signal
 * cannot wander along the trajectory.
 */
final class TrajectoryStepPrior implements StepPrior {

    private final int[] expected;
    private final int maxStep;
    private final float stepPenalty;
    private final float cutPenalty;

    TrajectoryStepPrior(int[] expected, float stepPenalty, float cutPenalty) {
        // Finite costs keep every band cell enterable (see BandedViterbi).
        if (!(stepPenalty >= 0) || !(cutPenalty >= 0) || Float.isInfinite(stepPenalty) || Float.isInfinite(cutPenalty)) {
            throw new IllegalArgumentException("penalties must be finite and >= 0: step " + stepPenalty
                    + ", cut " + cutPenalty);
        }
        this.expected = expected;
        int m = 1;
        for (int e : expected) {
            if (e < 0) {
                throw new IllegalArgumentException("expected steps are forward, got " + e);
            }
            m = Math.max(m, e);
        }
        this.maxStep = m + 2;
        this.stepPenalty = stepPenalty;
        this.cutPenalty = Math.max(cutPenalty, 3 * stepPenalty);
    }

    @Override
    public int maxStep() {
        return maxStep;
    }

    @Override
    public float stepCost(int row, int s) {
        return Math.abs(s - expected[row]) * stepPenalty;
    }

    @Override
    public float cutPenalty() {
        return cutPenalty;
    }
}
