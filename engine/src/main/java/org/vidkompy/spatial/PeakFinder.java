package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the strongest separated maxima of a ZNCC surface and places each one between pixels by fitting
 * a parabola through it and its two neighbours along each axis.
 */
final class PeakFinder {

    /**
     * @param count  maxima wanted at most
     * @param radius a later maximum must be farther than this (Chebyshev, placement pixels) from earlier ones
     */
    List<Peak> strongest(ZnccSurface s, int count, int radius) {
        List<Peak> peaks = new ArrayList<>(count);
        List<int[]> taken = new ArrayList<>(count);
        float[] v = s.values();
        int w = s.width();
        int h = s.height();
        for (int k = 0; k < count; k++) {
            int best = -1;
            float bestValue = -Float.MAX_VALUE;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float z = v[y * w + x];
                    if (z > bestValue && !near(taken, x, y, radius)) {
                        bestValue = z;
                        best = y * w + x;
                    }
                }
            }
            if (best < 0 || bestValue <= 0) {
                break;
            }
            int bx = best % w;
            int by = best / w;
            taken.add(new int[] {bx, by});
            double dx = bx > 0 && bx < w - 1 ? vertex(v[best - 1], v[best], v[best + 1]) : 0;
            double dy = by > 0 && by < h - 1 ? vertex(v[best - w], v[best], v[best + w]) : 0;
            peaks.add(new Peak(bx + dx, by + dy, bestValue));
        }
        return peaks;
    }

    private static boolean near(List<int[]> taken, int x, int y, int radius) {
        for (int[] t : taken) {
            if (Math.abs(t[0] - x) <= radius && Math.abs(t[1] - y) <= radius) {
                return true;
            }
        }
        return false;
    }

    /** Offset of the vertex of the parabola through (-1, a), (0, b), (1, c), limited to half a pixel. */
    static double vertex(double a, double b, double c) {
        double curvature = a - 2 * b + c;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curvature));
    }
}
