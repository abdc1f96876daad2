package org.vidkompy.spatial;

/**
 * Decides whether a scaled solution is clearly better than the best solution at exactly scale 1.
 *
 * <p>Rule: with {@code c1} the refined ZNCC at scale 1 and {@code cs} the refined ZNCC at the best other
 * scale, the other scale wins only if both
 * <ul>
 * <li>{@code cs - c1 >= }{@value #MIN_GAIN}, and</li>
 * <li>{@code 1 - cs <= }{@value #MAX_RESIDUAL_RATIO}{@code * (1 - c1)}.</li>
 * </ul>
 *
 * <p>Why: for ZNCC ρ the share of fg variance a placement leaves unexplained is 1 − ρ² ≈ 2(1 − ρ). The
 * second condition asks the extra scale parameter to remove at least half of what scale 1 leaves
 * unexplained. Sensor noise, codec error, grading curves and content that moved between the sampled
 * moments are unexplainable by any geometry, so when they dominate the mismatch (the usual reason a
 * true scale-1 fit is not perfect) no slightly-off scale can halve it, however much it tunes itself
 * to the noise. A real scale error, by contrast, misregisters edges by |s − 1| × half the frame and
 * dominates the residual at scale 1, so fixing it removes most of it. The first condition guards the
 * opposite extreme: on near-perfect matches (ρ ≈ 0.999) halving a residual made of interpolation
 * error is meaningless, so the gain must also be large in absolute terms, more than the ZNCC spread
 * seen between sample pairs of one true placement.
 *
 * <p>A consequence used for speed: when {@code c1 > 1 - MIN_GAIN} no scale can win, so the scale
 * sweep is skipped.
 */
final class UnscaledPreference {

    static final double MIN_GAIN = 0.02;
    static final double MAX_RESIDUAL_RATIO = 0.5;

    boolean scaledClearlyBetter(double scaledConfidence, double unitConfidence) {
        return scaledConfidence - unitConfidence >= MIN_GAIN
                && 1 - scaledConfidence <= MAX_RESIDUAL_RATIO * (1 - unitConfidence);
    }

    /**
     * The rule for the final refinement, on pairs known to show the same moment: nothing moved
     * between the two pictures of a pair, so all an extra scale parameter can fit is noise, and with
     * thousands of pixels that is worth far less than {@value #PAIRED_MIN_GAIN} of ZNCC. A fg 0.6 %
     * smaller than its footprint (crf 24, a gamma) gained 0.005 there, taking 24 % of the residual.
     */
    boolean pairedScaleBetter(double scaledConfidence, double unitConfidence) {
        return scaledConfidence - unitConfidence >= PAIRED_MIN_GAIN
                && 1 - scaledConfidence <= PAIRED_RESIDUAL_RATIO * (1 - unitConfidence);
    }

    /** True when scale 1 matches the pairs so well that no scale could gain {@value #PAIRED_MIN_GAIN}. */
    boolean pairedUnitUnbeatable(double unitConfidence) {
        return unitConfidence > 1 - PAIRED_MIN_GAIN;
    }

    static final double PAIRED_MIN_GAIN = 0.002;
    static final double PAIRED_RESIDUAL_RATIO = 0.85;

    /** True when scale 1 is already so good that no other scale could be clearly better. */
    boolean unitUnbeatable(double unitConfidence) {
        return unitConfidence > 1 - MIN_GAIN;
    }
}
