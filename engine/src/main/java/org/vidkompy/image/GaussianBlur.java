package org.vidkompy.image;

/**
 * A separable Gaussian blur of a plane, edges clamped. The final refinement of noisy pairs resamples
 * the bg through a Gaussian ({@link Resampler}, so that its noise is averaged alike wherever a sample
 * falls) and blurs the fg with this one to match, so that their signals still agree.
 */
public final class GaussianBlur {

    private GaussianBlur() {
    }

    /** Below this many pixels a blur is none. */
    static final double NONE = 0.05;

    /** The normalised discrete Gaussian of {@code sigma} pixels, cut off at three sigmas; {1} for none. */
    static float[] kernel(double sigma) {
        if (!(sigma > NONE)) {
            return new float[] {1f};
        }
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double total = 0;
        for (int i = -r; i <= r; i++) {
            total += Math.exp(-0.5 * i * i / (sigma * sigma));
        }
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) (Math.exp(-0.5 * i * i / (sigma * sigma)) / total);
        }
        return k;
    }

    /** {@code src} blurred by {@code sigma} pixels, as a new plane; {@code src} itself where that is none. */
    public static Plane of(Plane src, double sigma) {
        if (!(sigma > NONE)) {
            return src;
        }
        float[] k = kernel(sigma);
        int r = k.length / 2;
        int w = src.width();
        int h = src.height();
        float[] in = src.data();
        float[] out = new float[w * h];
        // The rows blurred across, a window of them at a time: slot y % n holds row y.
        int n = 2 * r + 1;
        float[] ring = new float[n * w];
        int[] held = new int[n];
        java.util.Arrays.fill(held, -1);
        for (int y = 0; y < h; y++) {
            int line = y * w;
            for (int i = -r; i <= r; i++) {
                int yy = Math.min(h - 1, Math.max(0, y + i));
                int slot = yy % n;
                if (held[slot] != yy) {
                    across(in, yy * w, w, k, r, ring, slot * w);
                    held[slot] = yy;
                }
                float ki = k[i + r];
                int from = slot * w;
                for (int x = 0; x < w; x++) {
                    out[line + x] += ring[from + x] * ki;
                }
            }
        }
        return new Plane(w, h, out);
    }

    /** Row {@code in[at..at+w)} blurred across into {@code out[to..to+w)}, edges clamped. */
    private static void across(float[] in, int at, int w, float[] k, int r, float[] out, int to) {
        for (int x = 0; x < w; x++) {
            float acc = 0;
            for (int i = -r; i <= r; i++) {
                acc += in[at + Math.min(w - 1, Math.max(0, x + i))] * k[i + r];
            }
            out[to + x] = acc;
        }
    }
}
