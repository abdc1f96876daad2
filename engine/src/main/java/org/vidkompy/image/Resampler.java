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
        Plane out = Plane.allocate(outW, outH);
        sampleInto(src, x0, y0, step, out);
        return out;
    }

    /** Like {@link #sample} into an existing plane, whose size sets the output grid. */
    public static void sampleInto(Plane src, double x0, double y0, double step, Plane out) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        AxisWeights wx = new AxisWeights(x0, step, out.width(), src.width());
        AxisWeights wy = new AxisWeights(y0, step, out.height(), src.height());
        int rowFrom = wy.minIndex();
        int rows = wy.maxIndex() - rowFrom + 1;
        int outW = out.width();
        float[] tmp = new float[rows * outW];
        float[] s = src.data();
        int sw = src.width();
        int tx = wx.taps;
        for (int r = 0; r < rows; r++) {
            int srcRow = (rowFrom + r) * sw;
            int tmpRow = r * outW;
            for (int u = 0; u < outW; u++) {
                int k = u * tx;
                float acc = 0;
                for (int t = 0; t < tx; t++) {
                    acc += wx.weight[k + t] * s[srcRow + wx.index[k + t]];
                }
                tmp[tmpRow + u] = acc;
            }
        }
        float[] o = out.data();
        int ty = wy.taps;
        for (int v = 0; v < out.height(); v++) {
            int outRow = v * outW;
            for (int u = 0; u < outW; u++) {
                o[outRow + u] = 0;
            }
            for (int t = 0; t < ty; t++) {
                float w = wy.weight[v * ty + t];
                if (w == 0) {
                    continue;
                }
                int tmpRow = (wy.index[v * ty + t] - rowFrom) * outW;
                for (int u = 0; u < outW; u++) {
                    o[outRow + u] += w * tmp[tmpRow + u];
                }
            }
        }
    }

    /** Per output index along one axis: a fixed number of (clamped source index, weight) taps. */
    private static final class AxisWeights {
        final int taps;
        final int[] index;
        final float[] weight;

        AxisWeights(double origin, double step, int outSize, int srcSize) {
            taps = (int) Math.ceil(step) + 5;
            index = new int[outSize * taps];
            weight = new float[outSize * taps];
            for (int u = 0; u < outSize; u++) {
                double a = origin + u * step;
                double b = a + step;
                // Kernels centred at c = i + 0.5 reach the cell when c is within 2 of it.
                int first = (int) Math.ceil(a - 2.5);
                for (int t = 0; t < taps; t++) {
                    int i = first + t;
                    double c = i + 0.5;
                    double w = (kernelIntegral(b - c) - kernelIntegral(a - c)) / step;
                    index[u * taps + t] = Math.max(0, Math.min(srcSize - 1, i));
                    weight[u * taps + t] = (float) w;
                }
            }
        }

        int minIndex() {
            int m = Integer.MAX_VALUE;
            for (int i = 0; i < index.length; i++) {
                if (weight[i] != 0) {
                    m = Math.min(m, index[i]);
                }
            }
            return m == Integer.MAX_VALUE ? 0 : m;
        }

        int maxIndex() {
            int m = 0;
            for (int i = 0; i < index.length; i++) {
                if (weight[i] != 0) {
                    m = Math.max(m, index[i]);
                }
            }
            return m;
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
