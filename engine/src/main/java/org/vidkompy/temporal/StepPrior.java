package org.vidkompy.temporal;

/**
 * Prior on how far the bg advances from fg row {@code i-1} to row {@code i}: ordinary steps
 * {@code 0..maxStep()} with a cost each, and forward cuts (any longer step) at one flat penalty.
 */
interface StepPrior {

    /** Largest ordinary step anywhere; longer steps are cuts. */
    int maxStep();

    /** Cost of ordinary step {@code s} into row {@code row}. */
    float stepCost(int row, int s);

    float cutPenalty();
}
