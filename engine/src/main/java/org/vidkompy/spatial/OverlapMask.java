package org.vidkompy.spatial;

/**
 * Which pixels of the fg content grid fall over the bg for a placement that may overhang it: only
 * those are compared. A cell counts when its whole area, widened by the resampling kernel's reach,
 * lies inside the bg, so no compared value is made of the bg's extended edge.
 */
final class OverlapMask {

    /** Reach of the cubic kernel beyond a cell, in bg pixels. */
    static final double KERNEL_REACH = 2;

    private OverlapMask() {
    }

    /**
     * @param x0 left of the content in bg pixels (cell u covers {@code [x0 + u*step, x0 + (u+1)*step)})
     */
    static boolean[] of(double x0, double y0, double step, int width, int height, int bgWidth, int bgHeight) {
        boolean[] cols = axis(x0, step, width, bgWidth);
        boolean[] rows = axis(y0, step, height, bgHeight);
        boolean[] on = new boolean[width * height];
        for (int v = 0; v < height; v++) {
            if (rows[v]) {
                for (int u = 0; u < width; u++) {
                    on[v * width + u] = cols[u];
                }
            }
        }
        return on;
    }

    private static boolean[] axis(double origin, double step, int n, int limit) {
        boolean[] in = new boolean[n];
        for (int u = 0; u < n; u++) {
            double a = origin + u * step;
            in[u] = a - KERNEL_REACH >= 0 && a + step + KERNEL_REACH <= limit;
        }
        return in;
    }

    /** Standard deviation of {@code values} over the mask; 0 with fewer than two pixels. */
    static double std(float[] values, boolean[] mask) {
        double n = 0;
        double s = 0;
        double ss = 0;
        for (int k = 0; k < mask.length; k++) {
            if (mask[k]) {
                n++;
                s += values[k];
                ss += (double) values[k] * values[k];
            }
        }
        return n < 2 ? 0 : Math.sqrt(Math.max(0, ss / n - (s / n) * (s / n)));
    }
}
