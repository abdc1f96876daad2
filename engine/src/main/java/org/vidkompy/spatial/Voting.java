package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups coarse candidates into placements and ranks them (see {@link VoteCluster}).
 *
 * <p>Candidates are compared by the position of the content's centre, not its corner, because a
 * scale step moves the best-fitting corner by half the size change while the centre stays put.
 * Two candidates agree when their centres are within two thumbnail pixels plus 3 % of the content
 * size and their scales within 2.5 sweep steps.
 */
final class Voting {

    private final int contentWidth;
    private final int contentHeight;
    private final double thumbFactor;
    private final double scaleStep;

    Voting(int contentWidth, int contentHeight, double thumbFactor, double scaleStep) {
        this.contentWidth = contentWidth;
        this.contentHeight = contentHeight;
        this.thumbFactor = thumbFactor;
        this.scaleStep = scaleStep;
    }

    List<VoteCluster> cluster(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<VoteCluster> clusters = new ArrayList<>();
        for (Candidate c : sorted) {
            VoteCluster home = null;
            for (VoteCluster k : clusters) {
                if (agree(k.seed(), c)) {
                    home = k;
                    break;
                }
            }
            if (home == null) {
                clusters.add(new VoteCluster(c));
            } else {
                home.add(c);
            }
        }
        clusters.sort(Comparator.comparingDouble(VoteCluster::score).reversed());
        return clusters;
    }

    boolean agree(Candidate a, Candidate b) {
        double logTolerance = 2.5 * Math.log(scaleStep);
        if (Math.abs(Math.log(a.scale() / b.scale())) > logTolerance + 1e-9) {
            return false;
        }
        double size = Math.max(contentWidth, contentHeight) * Math.max(a.scale(), b.scale());
        double tolerance = 2 * thumbFactor + 0.03 * size;
        return Math.abs(a.centreX(contentWidth) - b.centreX(contentWidth)) <= tolerance
                && Math.abs(a.centreY(contentHeight) - b.centreY(contentHeight)) <= tolerance;
    }
}
