package org.vidkompy.spatial;

import java.util.List;
import org.vidkompy.media.Placement;

/**
 * What the spatial search found: the fg's {@link Placement} and how many samples agreed on it.
 *
 * <p>In the placement, x and y are the left and top edges of the whole (scaled) fg frame in bg pixels:
 * fg pixel (u, v) covers bg area {@code [x + u*scale, x + (u+1)*scale) x [y + v*scale, y + (v+1)*scale)};
 * confidence is the ZNCC of the fg content against the bg at this placement, for the best-matching
 * sample pair after refinement (1 for a fixed shift that could not be measured).
 */
public record SpatialAlignment(Placement placement, Consensus consensus, List<Placement> elsewhere) {

    /**
     * @param elsewhere where groups of samples that did not agree with the placement landed, the best
     *                  supported first (confidence 0: not measured over the whole fg); empty where the
     *                  search saw nothing else or was not run
     */
    public SpatialAlignment {
        elsewhere = List.copyOf(elsewhere);
    }

    public SpatialAlignment(Placement placement, Consensus consensus) {
        this(placement, consensus, List.of());
    }

    public SpatialAlignment(double x, double y, double scale, double confidence, Consensus consensus) {
        this(new Placement(x, y, scale, confidence), consensus);
    }

    /** This alignment, and where else the samples landed, in a picture {@code factor} times larger. */
    public SpatialAlignment enlarged(double factor) {
        List<Placement> others = new java.util.ArrayList<>();
        for (Placement p : elsewhere) {
            others.add(new Placement(p.x() * factor, p.y() * factor, p.scale(), p.confidence()));
        }
        return new SpatialAlignment(new Placement(x() * factor, y() * factor, scale(), confidence()), consensus,
                others);
    }

    /**
     * Whether fewer than half of the voting samples agreed, or only one sample stands behind the placement:
     * it may be one of several. A small fg's sweep may afford only one or two fg samples: one of two put a
     * fg 7 px along a tilt from the truth, which the trials from where the others landed found, and a 48x24
     * fg's one sample 7 px along it too. Two or more agreeing with half the vote are a finding (12 of 24 on
     * the 1080p benchmark pair, whose trials would cost half a minute).
     */
    public boolean doubtful() {
        return consensus.voting() > 0
                && (2 * consensus.agreeing() < consensus.voting() || consensus.agreeing() < 2);
    }

    /** Whether a comparison measured this placement: one no pair of frames could (all flat) has confidence 0. */
    public boolean measured() {
        return confidence() > 0;
    }

    public SpatialAlignment(double x, double y, double scale, double confidence) {
        this(x, y, scale, confidence, Consensus.NONE);
    }

    public double x() {
        return placement.x();
    }

    public double y() {
        return placement.y();
    }

    public double scale() {
        return placement.scale();
    }

    public double confidence() {
        return placement.confidence();
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
                x(), y(), scale(), confidence(), consensus.agreeing(), consensus.voting());
    }
}
