package org.vidkompy.spatial;

/**
 * Where the foreground sits in the background.
 *
 * @param x          left edge of the whole (scaled) fg frame in bg pixels; fg pixel (u, v) covers bg area
 *                   {@code [x + u*scale, x + (u+1)*scale) x [y + v*scale, y + (v+1)*scale)}
 * @param y          top edge, likewise
 * @param scale      fg→bg factor: the fg is drawn {@code fgWidth * scale} bg pixels wide
 * @param confidence ZNCC of the fg content against the bg at this placement, for the best-matching
 *                   sample pair after refinement (1 for a fixed shift that could not be measured)
 * @param consensus  how many fg samples independently pointed at this placement
 */
public record SpatialAlignment(double x, double y, double scale, double confidence, Consensus consensus) {

    public SpatialAlignment(double x, double y, double scale, double confidence) {
        this(x, y, scale, confidence, Consensus.NONE);
    }

    /**
     * Agreement between sample pairs: of the {@code voting} usable fg samples, {@code agreeing} had a
     * pair with some bg sample that, refined on its own, landed on the reported placement. Fewer
     * agreeing than voting means some samples saw something else (no time-corresponding bg sample
     * while the camera moved, a title card, a repetitive texture); normal for a few, suspicious for most.
     */
    public record Consensus(int agreeing, int voting) {
        /** For results that were not searched (fixed shift). */
        public static final Consensus NONE = new Consensus(0, 0);

        public boolean unanimous() {
            return voting > 0 && agreeing == voting;
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "offset=(%.3f, %.3f), scale=%.5f, confidence=%.4f, agreement=%d/%d",
                x, y, scale, confidence, consensus.agreeing(), consensus.voting());
    }
}
