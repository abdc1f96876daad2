package org.vidkompy.temporal;

/**
 * Settings of the temporal alignment. Costs are in units of the descriptor distance {@code 1 - r}
 * (r = normalised correlation): a true match costs about 0.00-0.05, unrelated pictures about 1.
 *
 * @param fgFps              nominal fg frame rate
 * @param bgFps              nominal bg frame rate; {@code bgFps / fgFps} is the expected bg step per fg frame
 * @param window             minimum half-width, in bg frames, of the full-rate search band around the
 *                           coarse path (it is widened as far as the coarse level's uncertainty needs)
 * @param stepPenalty        cost per frame by which a step differs from the two steps nearest the ratio
 *                           (a repeated or skipped bg frame beyond what the frame rates explain; drift),
 *                           in units of the bg's median frame-to-frame change (see {@code MotionScale})
 * @param cutPenalty         cost of a forward jump longer than the ordinary steps (an edit in the fg)
 * @param mismatchCost       cells cost at most this much, and virtual or uninformative cells cost exactly
 *                           this, so frames that match nothing follow the step prior
 * @param unmatchedThreshold a frame whose best nearby cost is at or above this is reported unmatched
 * @param trajectoryPenalty  second pass: cost per frame of deviation from the step of the smooth
 *                           trajectory, in units of the bg's median frame-to-frame change
 * @param trajectorySeconds  half-window of the local line fit that makes that trajectory
 * @param refineRadius       the refinement looks this many bg frames either side of the path
 * @param coarseCellBudget   most cells of the coarsest (unbanded) level; sets the pyramid depth
 */
public record TemporalOptions(double fgFps, double bgFps, int window, float stepPenalty, float cutPenalty,
                              float mismatchCost, float unmatchedThreshold, float trajectoryPenalty,
                              double trajectorySeconds, int refineRadius, long coarseCellBudget) {

    public static final int DEFAULT_WINDOW = 8;
    public static final float DEFAULT_STEP_PENALTY = 1.0f;
    public static final float DEFAULT_CUT_PENALTY = 1.0f;
    public static final float DEFAULT_MISMATCH_COST = 0.5f;
    public static final float DEFAULT_UNMATCHED_THRESHOLD = 0.35f;
    public static final float DEFAULT_TRAJECTORY_PENALTY = 16.0f;
    public static final double DEFAULT_TRAJECTORY_SECONDS = 30.0;
    public static final int DEFAULT_REFINE_RADIUS = 2;
    public static final long DEFAULT_COARSE_CELL_BUDGET = 2_000_000L;

    public TemporalOptions {
        if (!(fgFps > 0) || !(bgFps > 0) || Double.isInfinite(fgFps) || Double.isInfinite(bgFps)) {
            throw new IllegalArgumentException("frame rates must be positive: fg " + fgFps + ", bg " + bgFps);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1 frame, is " + window);
        }
        if (!(stepPenalty >= 0) || !(cutPenalty >= 0) || Float.isInfinite(stepPenalty) || Float.isInfinite(cutPenalty)) {
            throw new IllegalArgumentException("penalties must be >= 0: step " + stepPenalty + ", cut " + cutPenalty);
        }
        if (!(mismatchCost > 0) || Float.isInfinite(mismatchCost) || !(unmatchedThreshold > 0)
                || unmatchedThreshold > mismatchCost) {
            throw new IllegalArgumentException("need 0 < unmatchedThreshold (" + unmatchedThreshold
                    + ") <= mismatchCost (" + mismatchCost + ")");
        }
        if (!(trajectoryPenalty >= 0) || Float.isInfinite(trajectoryPenalty) || !(trajectorySeconds > 0)) {
            throw new IllegalArgumentException("trajectoryPenalty " + trajectoryPenalty + " or trajectorySeconds "
                    + trajectorySeconds + " out of range");
        }
        if (refineRadius < 0 || coarseCellBudget < 1000) {
            throw new IllegalArgumentException("refineRadius " + refineRadius + " or coarseCellBudget "
                    + coarseCellBudget + " out of range");
        }
    }

    /** Defaults for the given frame rates. */
    public static TemporalOptions of(double fgFps, double bgFps) {
        return new TemporalOptions(fgFps, bgFps, DEFAULT_WINDOW, DEFAULT_STEP_PENALTY, DEFAULT_CUT_PENALTY,
                DEFAULT_MISMATCH_COST, DEFAULT_UNMATCHED_THRESHOLD, DEFAULT_TRAJECTORY_PENALTY,
                DEFAULT_TRAJECTORY_SECONDS, DEFAULT_REFINE_RADIUS,
                DEFAULT_COARSE_CELL_BUDGET);
    }

    /** Expected bg frames per fg frame. */
    public double bgPerFg() {
        return bgFps / fgFps;
    }

    public TemporalOptions withFgFps(double fps) {
        return new TemporalOptions(fps, bgFps, window, stepPenalty, cutPenalty, mismatchCost, unmatchedThreshold,
                trajectoryPenalty, trajectorySeconds, refineRadius, coarseCellBudget);
    }

    public TemporalOptions withWindow(int w) {
        return new TemporalOptions(fgFps, bgFps, w, stepPenalty, cutPenalty, mismatchCost, unmatchedThreshold,
                trajectoryPenalty, trajectorySeconds, refineRadius, coarseCellBudget);
    }

    public TemporalOptions withCutPenalty(float p) {
        return new TemporalOptions(fgFps, bgFps, window, stepPenalty, p, mismatchCost, unmatchedThreshold,
                trajectoryPenalty, trajectorySeconds, refineRadius, coarseCellBudget);
    }

    public TemporalOptions withRefineRadius(int r) {
        return new TemporalOptions(fgFps, bgFps, window, stepPenalty, cutPenalty, mismatchCost, unmatchedThreshold,
                trajectoryPenalty, trajectorySeconds, r, coarseCellBudget);
    }

    public TemporalOptions withTrajectoryPenalty(float p) {
        return new TemporalOptions(fgFps, bgFps, window, stepPenalty, cutPenalty, mismatchCost, unmatchedThreshold,
                p, trajectorySeconds, refineRadius, coarseCellBudget);
    }

    public TemporalOptions withStepPenalty(float p) {
        return new TemporalOptions(fgFps, bgFps, window, p, cutPenalty, mismatchCost, unmatchedThreshold,
                trajectoryPenalty, trajectorySeconds, refineRadius, coarseCellBudget);
    }

    public TemporalOptions withCoarseCellBudget(long cells) {
        return new TemporalOptions(fgFps, bgFps, window, stepPenalty, cutPenalty, mismatchCost, unmatchedThreshold,
                trajectoryPenalty, trajectorySeconds, refineRadius, cells);
    }
}
