package org.vidkompy.ofx.engine;

import org.vidkompy.image.Plane;
import org.vidkompy.io.CropRect;

/**
 * Area-averages a region of an 8-bit luma picture to a thumbnail: each output pixel is the exact
 * mean of the source area it covers, fractional pixels weighted by their coverage, rounded to whole
 * levels. That is what the file path's swscale area filter produces into its GRAY8 thumbnails. The
 * weights depend only on the geometry, so they are built once per scan.
 */
final class AreaThumbnailer {
    private final int srcWidth;
    private final int outWidth;
    private final int outHeight;
    private final Axis cols;
    private final Axis rows;
    private final float[] tmp;

    AreaThumbnailer(int srcWidth, int srcHeight, CropRect region, int outWidth, int outHeight) {
        int x0 = region == null ? 0 : region.x();
        int y0 = region == null ? 0 : region.y();
        int w = region == null ? srcWidth : Math.min(region.width(), srcWidth - x0);
        int h = region == null ? srcHeight : Math.min(region.height(), srcHeight - y0);
        this.srcWidth = srcWidth;
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        this.cols = new Axis(x0, w, outWidth, srcWidth);
        this.rows = new Axis(y0, h, outHeight, srcHeight);
        this.tmp = new float[srcHeight * outWidth];
    }

    /** One axis: for every output index the source indices it covers and their weights. */
    private static final class Axis {
        final int[] first;
        final int[] count;
        final float[] weight;
        final int stride;

        Axis(int start, int length, int n, int limit) {
            double step = (double) length / n;
            stride = (int) Math.ceil(step) + 2;
            first = new int[n];
            count = new int[n];
            weight = new float[n * stride];
            for (int o = 0; o < n; o++) {
                double a = start + o * step;
                double b = a + step;
                int i0 = Math.max(0, (int) Math.floor(a));
                int i1 = Math.min(limit - 1, Math.max(i0, (int) Math.ceil(b) - 1));
                first[o] = i0;
                count[o] = i1 - i0 + 1;
                double total = 0;
                for (int i = i0; i <= i1; i++) {
                    total += Math.max(0, Math.min(b, i + 1) - Math.max(a, i));
                }
                for (int i = i0; i <= i1; i++) {
                    double cover = Math.max(0, Math.min(b, i + 1) - Math.max(a, i));
                    weight[o * stride + i - i0] = (float) (total > 0 ? cover / total : 1.0 / count[o]);
                }
            }
        }
    }

    /** Fills {@code out} (outWidth x outHeight) from {@code luma} (srcWidth wide, top row first). */
    void apply(byte[] luma, Plane out) {
        int rowFrom = rows.first[0];
        int rowTo = rows.first[outHeight - 1] + rows.count[outHeight - 1];
        for (int y = rowFrom; y < rowTo; y++) {
            int src = y * srcWidth;
            int dst = y * outWidth;
            for (int o = 0; o < outWidth; o++) {
                int s = src + cols.first[o];
                int wb = o * cols.stride;
                float acc = 0;
                for (int k = 0; k < cols.count[o]; k++) {
                    acc += (luma[s + k] & 0xff) * cols.weight[wb + k];
                }
                tmp[dst + o] = acc;
            }
        }
        float[] d = out.data();
        for (int o = 0; o < outHeight; o++) {
            int wb = o * rows.stride;
            int r0 = rows.first[o];
            for (int x = 0; x < outWidth; x++) {
                float acc = 0;
                for (int k = 0; k < rows.count[o]; k++) {
                    acc += tmp[(r0 + k) * outWidth + x] * rows.weight[wb + k];
                }
                d[o * outWidth + x] = Math.round(acc);
            }
        }
    }
}
