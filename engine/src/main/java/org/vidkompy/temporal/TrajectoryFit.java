package org.vidkompy.temporal;

import org.vidkompy.media.FrameRange;

/**
 * A smooth trajectory through a first-pass path: between cuts, a local least-squares line over
 * {@code halfWindow} fg frames either side, fitted only to frames the pictures placed. Rounded, it
 * reproduces frame-duplication patterns with their phase and follows drift, which a per-step prior
 * cannot know; jitter of the first pass averages out.
 */
final class TrajectoryFit {

    /**
     * @param path     first-pass path (bg columns)
     * @param trusted  frames whose placement came from the pictures
     * @param slug     frames of blank {@link Inserts}: each run splits the fit too (a line through both
     *                 sides of a 2 s black insert over a slow pan was 4 frames early before it and 4 late
     *                 after it)
     * @param maxStep  steps longer than this are cuts and split the fit
     * @return the expected bg step into every row (row 0 and rows after a cut get {@code round(ratio)})
     */
    int[] expectedSteps(int[] path, boolean[] trusted, boolean[] slug, int maxStep, double ratio, int halfWindow) {
        int n = path.length;
        double[] pos = new double[n];
        int segStart = 0;
        java.util.Iterator<FrameRange> runs = FrameRange.runsOf(slug).iterator();
        FrameRange run = runs.hasNext() ? runs.next() : null;
        for (int i = 0; i <= n; i++) {
            while (run != null && run.first() < i) { // begun at a cut: the cut split the fit there
                run = runs.hasNext() ? runs.next() : null;
            }
            if (i == n || (i > 0 && path[i] - path[i - 1] > maxStep)) {
                fitSegment(path, trusted, segStart, i, ratio, halfWindow, pos);
                segStart = i;
            } else if (run != null && i == run.first()) {
                // The run's own rows have no trusted point: they keep the first pass.
                fitSegment(path, trusted, segStart, i, ratio, halfWindow, pos);
                fitSegment(path, trusted, i, run.last() + 1, ratio, halfWindow, pos);
                segStart = run.last() + 1;
                i = run.last();
                run = runs.hasNext() ? runs.next() : null;
            }
        }
        int[] expected = new int[n];
        int natural = (int) Math.round(ratio);
        expected[0] = natural;
        for (int i = 1; i < n; i++) {
            boolean cut = path[i] - path[i - 1] > maxStep;
            expected[i] = cut ? natural : (int) Math.max(0, Math.round(pos[i]) - Math.round(pos[i - 1]));
        }
        return expected;
    }

    /** Rows between anchors whose local lines are fitted (at least); rows in between blend two lines. */
    private static final int MIN_ANCHOR_SPACING = 16;
    /** Most points one local fit looks at; longer windows are subsampled evenly. */
    private static final int MAX_POINTS = 1024;

    private static void fitSegment(int[] path, boolean[] trusted, int from, int to, double ratio, int half,
                                   double[] pos) {
        int len = to - from;
        int spacing = Math.max(MIN_ANCHOR_SPACING, half / 8);
        int anchors = (len + spacing - 1) / spacing + 1;
        double[][] lines = new double[anchors][];
        int stride = Math.max(1, (2 * half + 1) / MAX_POINTS);
        double[] scratch = new double[(2 * half + 1) / stride + 2];
        for (int k = 0; k < anchors; k++) {
            int i = Math.min(to - 1, from + k * spacing);
            lines[k] = fit(path, trusted, Math.max(from, i - half), Math.min(to - 1, i + half), stride, i, scratch);
        }
        for (int i = from; i < to; i++) {
            int k = (i - from) / spacing;
            double w = (double) ((i - from) % spacing) / spacing;
            double p0 = evaluate(lines[k], path, from + k * spacing, to, i);
            double p1 = k + 1 < anchors ? evaluate(lines[k + 1], path, from + (k + 1) * spacing, to, i) : p0;
            if (Double.isNaN(p0) || Double.isNaN(p1)) {
                pos[i] = path[i]; // too little evidence: keep the first pass, which follows the rate prior
            } else {
                pos[i] = (1 - w) * p0 + w * p1;
            }
        }
    }

    private static double evaluate(double[] line, int[] path, int anchor, int to, int i) {
        if (line == null) {
            return Double.NaN;
        }
        int at = Math.min(to - 1, anchor);
        return path[at] + line[0] + line[1] * (i - at);
    }

    /**
     * A robust line through (k - i, path[k] - path[i]) over trusted k in [a, b]: the slope is the median
     * of differences across half the window, the offset the one that puts the most points exactly on
     * the rounded line (a consensus, not a mean: a stretch the first pass parked one frame off is
     * outvoted instead of tilting the line). Returns {offset, slope} or null.
     */
    private static double[] fit(int[] path, boolean[] trusted, int a, int b, int stride, int i, double[] scratch) {
        int lag = Math.max(1, (b - a) / 2);
        int n = 0;
        for (int k = a; k + lag <= b; k += stride) {
            if (trusted[k] && trusted[k + lag]) {
                scratch[n++] = (double) (path[k + lag] - path[k]) / lag;
            }
        }
        if (n < 3) {
            return null;
        }
        java.util.Arrays.sort(scratch, 0, n);
        double slope = scratch[n / 2];
        // The lagged slope is quantised to 1/lag: refit it by least squares on the crowd that agrees
        // with the rounded line (exactly the crowd, or points just outside it would tilt the slope).
        double[] crowd = new double[2];
        for (int round = 0; round < 2; round++) {
            consensus(path, trusted, a, b, stride, i, slope, scratch, crowd);
            double sw = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int k = a; k <= b; k += stride) {
                if (!trusted[k]) {
                    continue;
                }
                double x = k - i;
                double y = path[k] - path[i];
                double r = y - slope * x;
                if (r >= crowd[0] && r <= crowd[1]) {
                    sw += 1;
                    sx += x;
                    sy += y;
                    sxx += x * x;
                    sxy += x * y;
                }
            }
            double det = sw * sxx - sx * sx;
            if (sw < 3 || det <= 1e-9) {
                break;
            }
            slope = (sw * sxy - sx * sy) / det;
        }
        consensus(path, trusted, a, b, stride, i, slope, scratch, crowd);
        return new double[] {(crowd[0] + crowd[1]) * 0.5, slope};
    }

    /**
     * The residual range of the largest crowd of points that one rounded line can put exactly in place:
     * each point accepts offsets within half a frame of its residual, so the crowd is the largest set of
     * residuals less than one frame wide; its residual range goes to {@code crowd}, whose middle is the
     * offset all members accept.
     */
    private static void consensus(int[] path, boolean[] trusted, int a, int b, int stride, int i,
                                  double slope, double[] scratch, double[] crowd) {
        int n = 0;
        for (int k = a; k <= b; k += stride) {
            if (trusted[k]) {
                scratch[n++] = path[k] - path[i] - slope * (k - i);
            }
        }
        java.util.Arrays.sort(scratch, 0, n);
        int best = 0;
        int bestFrom = 0;
        int bestTo = 0;
        for (int lo = 0, hi = 0; lo < n; lo++) {
            while (hi < n && scratch[hi] - scratch[lo] < 1.0) {
                hi++;
            }
            if (hi - lo > best) {
                best = hi - lo;
                bestFrom = lo;
                bestTo = hi - 1;
            }
        }
        crowd[0] = scratch[bestFrom];
        crowd[1] = scratch[bestTo];

    }
}
