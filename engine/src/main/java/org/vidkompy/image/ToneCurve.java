package org.vidkompy.image;

/**
 * A monotone map of 8-bit luma levels from one clip's grade to another's, found by matching their
 * level distributions over the same picture area (histogram matching): level {@code v} of the first
 * goes to the level of the second at the same rank.
 *
 * <p>Correlation is blind to gain and offset only. A gamma, a contrast curve or a tint bends the
 * levels, so the right frame matches a little less well and neighbouring frames a little more,
 * and sub-pixel placement drifts toward edges of one brightness. Mapping the fg through the curve
 * first makes comparisons blind to any monotone tone change; it needs no pixel correspondence, only
 * the same area, so a placement good to a pixel or two is enough to find it.
 */
public final class ToneCurve {

    private static final ToneCurve IDENTITY = new ToneCurve(identityLevels());

    private final float[] levels;

    private ToneCurve(float[] levels) {
        this.levels = levels;
    }

    public static ToneCurve identity() {
        return IDENTITY;
    }

    /**
     * The curve taking the distribution {@code from} to {@code to} (256-bin histograms of the same
     * area). Levels with no pixels are interpolated, so the curve stays monotone over all 256.
     */
    public static ToneCurve matching(long[] from, long[] to) {
        long nf = 0;
        long nt = 0;
        for (int v = 0; v < 256; v++) {
            nf += from[v];
            nt += to[v];
        }
        if (nf == 0 || nt == 0) {
            return IDENTITY;
        }
        // Each source level maps to the target value at the middle of its rank interval.
        double[] targetCdf = new double[257];
        for (int v = 0; v < 256; v++) {
            targetCdf[v + 1] = targetCdf[v] + (double) to[v] / nt;
        }
        float[] out = new float[256];
        double below = 0;
        int t = 0;
        for (int v = 0; v < 256; v++) {
            double share = (double) from[v] / nf;
            double rank = below + share / 2;
            below += share;
            while (t < 255 && targetCdf[t + 1] < rank) {
                t++;
            }
            double span = targetCdf[t + 1] - targetCdf[t];
            double frac = span > 0 ? (rank - targetCdf[t]) / span : 0.5;
            out[v] = (float) (t + Math.max(0, Math.min(1, frac)) - 0.5);
        }
        // Levels absent from the source carry no evidence: interpolate between their neighbours.
        int prev = -1;
        for (int v = 0; v < 256; v++) {
            if (from[v] == 0) {
                continue;
            }
            for (int k = prev + 1; k < v; k++) {
                out[k] = prev < 0 ? out[v] - (v - k) : out[prev] + (out[v] - out[prev]) * (k - prev) / (v - prev);
            }
            prev = v;
        }
        for (int k = prev + 1; k < 256; k++) {
            out[k] = out[prev] + (k - prev);
        }
        for (int v = 1; v < 256; v++) {
            out[v] = Math.max(out[v], out[v - 1]);
        }
        return new ToneCurve(out);
    }

    /** The level {@code v} (0..255) maps to. */
    public float map(int v) {
        return levels[v];
    }

    /** Maps every value of a plane holding 8-bit levels, in place (values are rounded to a level first). */
    public void apply(Plane p) {
        if (this == IDENTITY) {
            return;
        }
        float[] d = p.data();
        for (int k = 0; k < d.length; k++) {
            int v = Math.max(0, Math.min(255, Math.round(d[k])));
            d[k] = levels[v];
        }
    }

    /** Adds the 8-bit levels of {@code p} (rounded) where {@code mask} is set (null: everywhere) to {@code hist}. */
    public static void count(Plane p, boolean[] mask, long[] hist) {
        float[] d = p.data();
        for (int k = 0; k < d.length; k++) {
            if (mask == null || mask[k]) {
                hist[Math.max(0, Math.min(255, Math.round(d[k])))]++;
            }
        }
    }

    private static float[] identityLevels() {
        float[] l = new float[256];
        for (int v = 0; v < 256; v++) {
            l[v] = v;
        }
        return l;
    }
}
