package org.vidkompy.temporal;

/**
 * Step prior from the frame-rate ratio alone: with {@code ratio} bg frames per fg frame, the two whole
 * steps around the ratio are free (25 to 30 fps: 0 and 1; 24 to 12 fps: 2); every other small step (a
 * repeated or skipped bg frame, drift) costs {@code stepPenalty} per frame of distance.
 */
final class RateStepPrior implements StepPrior {

    private static final float TIE = 1e-7f;

    private final int maxStep;
    private final float[] stepCost;
    private final float cutPenalty;

    RateStepPrior(double ratio, float stepPenalty, float cutPenalty) {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("frame-rate ratio must be positive, is " + ratio);
        }
        // Finite costs keep every band cell enterable (see BandedViterbi).
        if (!(stepPenalty >= 0) || !(cutPenalty >= 0) || Float.isInfinite(stepPenalty) || Float.isInfinite(cutPenalty)) {
            throw new IllegalArgumentException("penalties must be finite and >= 0: step " + stepPenalty
                    + ", cut " + cutPenalty);
        }
        int lowNatural = (int) Math.floor(ratio);
        int highNatural = (int) Math.ceil(ratio);
        this.maxStep = highNatural + 2;
        this.stepCost = new float[maxStep + 1];
        for (int s = 0; s <= maxStep; s++) {
            int off = s < lowNatural ? lowNatural - s : Math.max(0, s - highNatural);
            // The tiny slope only breaks ties between the two free steps towards the ratio.
            stepCost[s] = off * stepPenalty + TIE * (float) Math.abs(s - ratio);
        }
        this.cutPenalty = Math.max(cutPenalty, stepCost[maxStep]);
    }

    @Override
    public int maxStep() {
        return maxStep;
    }

    @Override
    public float stepCost(int row, int s) {
        return stepCost[s];
    }

    @Override
    public float cutPenalty() {
        return cutPenalty;
    }
}
