package org.vidkompy.image;

/**
 * Resamples a plane onto a regular grid of square cells, using the same geometry as the compositor:
 * output pixel (u, v) covers the source area
 * {@code [x0 + u*step, x0 + (u+1)*step) x [y0 + v*step, y0 + (v+1)*step)}, where source pixel (i, j)
 * covers {@code [i, i+1) x [j, j+1)} and its value belongs to the centre (i + 0.5, j + 0.5).
 *
 * <p>The source is read as the Keys cubic (a = -1/2, Catmull-Rom) interpolant through the pixel
 * centres (edges extended), and each output pixel is that surface's mean over its cell. The weights
 * are integrals of the 1-D kernel over the cell, so the result is separable and varies smoothly with
 * x0, y0 and step: an area filter for thumbnails (step &gt; 1), plain cubic interpolation as step goes
 * to 0, and a well-behaved objective for sub-pixel optimisation in between. Cubic rather than bilinear
 * because it reproduces the fg more faithfully at fractional offsets (ZNCC at the true placement is
 * measurably higher), and because an upscaled fg samples the bg between its pixels everywhere.
 */
public final class Resampler {

    private Resampler() {
    }

    /** Shrinks {@code src} by {@code factor} (&ge; 1 normally), keeping only whole output cells. */
    public static Plane shrink(Plane src, double factor) {
        int w = Math.max(1, (int) Math.floor(src.width() / factor + 1e-9));
        int h = Math.max(1, (int) Math.floor(src.height() / factor + 1e-9));
        return sample(src, 0, 0, factor, w, h);
    }

    public static Plane sample(Plane src, double x0, double y0, double step, int outW, int outH) {
        return sample(src, x0, y0, step, outW, outH, 0);
    }

    /** {@link #sample} from the source blurred by {@code blur} source pixels ({@link #sampleInto(Plane, double, double, double, Plane, Scratch, double)}). */
    public static Plane sample(Plane src, double x0, double y0, double step, int outW, int outH, double blur) {
        Plane out = Plane.allocate(outW, outH);
        sampleInto(src, x0, y0, step, out, new Scratch(), blur);
        return out;
    }

    /** {@link #shrink} of the source blurred by {@code blur} source pixels. */
    public static Plane shrink(Plane src, double factor, double blur) {
        int w = Math.max(1, (int) Math.floor(src.width() / factor + 1e-9));
        int h = Math.max(1, (int) Math.floor(src.height() / factor + 1e-9));
        return sample(src, 0, 0, factor, w, h, blur);
    }

    /** Like {@link #sample} into an existing plane, whose size sets the output grid. */
    public static void sampleInto(Plane src, double x0, double y0, double step, Plane out) {
        sampleInto(src, x0, y0, step, out, new Scratch());
    }

    /**
     * Room for the horizontal pass between calls. A placement refinement resamples the same pairs
     * dozens of times; a fresh pass buffer each time (2 MB for a 960x540 fg) was most of what a
     * 10-minute pair's analysis allocated at its end, and the collections it forced carried the
     * refinement's other planes into the old generation.
     */
    public static final class Scratch {
        private float[] rows = new float[0];

        float[] take(int n) {
            if (rows.length < n) {
                rows = new float[n];
            }
            return rows;
        }
    }

    /** As {@link #sampleInto(Plane, double, double, double, Plane)}, its pass buffer from {@code scratch}. */
    public static void sampleInto(Plane src, double x0, double y0, double step, Plane out, Scratch scratch) {
        sampleInto(src, x0, y0, step, out, scratch, 0);
    }

    /**
     * As {@link #sampleInto(Plane, double, double, double, Plane, Scratch)} from the source blurred by a
     * Gaussian of {@code blur} source pixels (0: none), without a blurred copy of the source: the
     * blur is folded into the weights. Resampling averages a noisy source's noise unevenly (at step 1,
     * half a pixel along both axes leaves two thirds of the variance it leaves at whole pixels), so a
     * grainy source fits a clean picture better half a pixel off, or at any scale but 1 (where every
     * sample falls somewhere between); after a blur of a pixel the noise left is the same within a few
     * percent wherever the sample falls.
     */
    public static void sampleInto(Plane src, double x0, double y0, double step, Plane out, Scratch scratch,
                                  double blur) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        AreaKernelWeights wx = new AreaKernelWeights(x0, step, out.width(), src.width(), blur);
        AreaKernelWeights wy = new AreaKernelWeights(y0, step, out.height(), src.height(), blur);
        int outW = out.width();
        int outH = out.height();
        int rowFrom = wy.start[0];
        int rows = wy.start[outH - 1] + wy.taps - rowFrom;
        float[] tmp = scratch.take(rows * outW);
        float[] s = src.data();
        int sw = src.width();
        int tx = wx.taps;
        float[] hw = wx.weight;
        int[] hs = wx.start;
        for (int r = 0; r < rows; r++) {
            int srcRow = (rowFrom + r) * sw;
            int tmpRow = r * outW;
            for (int u = 0; u < outW; u++) {
                int k = u * tx;
                int base = srcRow + hs[u];
                float acc = 0;
                for (int t = 0; t < tx; t++) {
                    acc += hw[k + t] * s[base + t];
                }
                tmp[tmpRow + u] = acc;
            }
        }
        float[] o = out.data();
        int ty = wy.taps;
        for (int v = 0; v < outH; v++) {
            int outRow = v * outW;
            java.util.Arrays.fill(o, outRow, outRow + outW, 0f);
            for (int t = 0; t < ty; t++) {
                float w = wy.weight[v * ty + t];
                if (w == 0) {
                    continue;
                }
                int tmpRow = (wy.start[v] + t - rowFrom) * outW;
                for (int u = 0; u < outW; u++) {
                    o[outRow + u] += w * tmp[tmpRow + u];
                }
            }
        }
    }

    /**
     * Per output index along one axis: {@code taps} weights for the consecutive source indices from
     * {@code start}. Taps that would fall off the source are folded onto its edge pixels (edge
     * extension), which keeps every window inside the source and the inner loops free of index tables.
     */
    private static final class AreaKernelWeights {
        final int taps;
        final int[] start;
        final float[] weight;

        AreaKernelWeights(double origin, double step, int outSize, int srcSize, double blur) {
            float[] g = GaussianBlur.kernel(blur);
            int reach = g.length / 2;
            // Kernel support is 4 wide, so a cell of width step meets at most ceil(step) + 4 centres;
            // the blur widens that by its reach either side.
            taps = Math.min(srcSize, (int) Math.ceil(step) + 4 + 2 * reach);
            start = new int[outSize];
            weight = new float[outSize * taps];
            for (int u = 0; u < outSize; u++) {
                double a = origin + u * step;
                double b = a + step;
                // Kernels centred at c = i + 0.5 reach the open cell when a - 2 < c < b + 2.
                int first = (int) Math.floor(a - 2.5) + 1;
                int last = (int) Math.ceil(b + 1.5) - 1;
                int s0 = Math.max(0, Math.min(srcSize - taps, first - reach));
                start[u] = s0;
                for (int i = first; i <= last; i++) {
                    double c = i + 0.5;
                    double w = (kernelIntegral(b - c) - kernelIntegral(a - c)) / step;
                    // The blurred source's pixel i is the Gaussian's mix of pixels i - reach .. i + reach.
                    for (int m = -reach; m <= reach; m++) {
                        int clamped = Math.max(0, Math.min(srcSize - 1, Math.max(0, Math.min(srcSize - 1, i)) + m));
                        int t = Math.max(0, Math.min(taps - 1, clamped - s0));
                        weight[u * taps + t] += (float) (w * g[m + reach]);
                    }
                }
            }
        }

        /** Integral of the Keys cubic kernel (a = -1/2) from -infinity to t. */
        private static double kernelIntegral(double t) {
            double x = Math.abs(t);
            double g;
            if (x >= 2) {
                g = 0.5;
            } else if (x <= 1) {
                g = x * (1 + x * x * (-5.0 / 6 + 0.375 * x));
            } else {
                // G(1) = 13/24; the outer piece integrates -x^3/2 + 5x^2/2 - 4x + 2, which is 17/24 at 1.
                g = 13.0 / 24 + (x * (2 + x * (-2 + x * (5.0 / 6 - 0.125 * x)))) - 17.0 / 24;
            }
            return t < 0 ? 0.5 - g : 0.5 + g;
        }
    }
}
