package org.vidkompy.temporal;

/**
 * Carries a coarse path down one level: every finer fg unit gets the bg position its coarse unit was
 * matched to, advanced at the frame-rate ratio inside the unit, widened by {@code halfWidth} units and
 * by the spread of the positions over one coarse unit either side. That spread makes the band cover
 * both sides of a cut, wherever inside the coarse unit the cut happened.
 */
final class BandProjector {

    Band project(int[] coarsePath, AlignmentLevel coarse, AlignmentLevel fine, int fineRows, double bgPerFg,
                 int colMin, int colMax, int halfWidth) {
        double[] centre = new double[fineRows];
        int coarseRows = coarsePath.length;
        for (int p = 0; p < fineRows; p++) {
            long f = (long) p * fine.fgFactor();
            int i = (int) Math.min(f / coarse.fgFactor(), coarseRows - 1);
            double bgFrame = coarsePath[i] * coarse.bgFactor() + (f - (long) i * coarse.fgFactor()) * bgPerFg;
            centre[p] = bgFrame / fine.bgFactor();
        }
        int spread = (int) Math.ceil((double) coarse.fgFactor() / fine.fgFactor());
        int[] lo = new int[fineRows];
        int[] hi = new int[fineRows];
        for (int p = 0; p < fineRows; p++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int q = Math.max(0, p - spread), e = Math.min(fineRows - 1, p + spread); q <= e; q++) {
                mn = Math.min(mn, centre[q]);
                mx = Math.max(mx, centre[q]);
            }
            lo[p] = clamp((long) Math.floor(mn) - halfWidth, colMin, colMax);
            hi[p] = clamp((long) Math.ceil(mx) + halfWidth, colMin, colMax);
        }
        // Monotone edges guarantee every row can be reached from the row before.
        for (int p = fineRows - 2; p >= 0; p--) {
            lo[p] = Math.min(lo[p], lo[p + 1]);
        }
        for (int p = 1; p < fineRows; p++) {
            hi[p] = Math.max(hi[p], hi[p - 1]);
        }
        return new Band(lo, hi);
    }

    private static int clamp(long v, int min, int max) {
        return (int) Math.max(min, Math.min(max, v));
    }
}
