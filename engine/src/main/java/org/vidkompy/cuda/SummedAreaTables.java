package org.vidkompy.cuda;

import java.nio.DoubleBuffer;
import org.vidkompy.image.Plane;

/**
 * Summed-area tables of an image's values and squared values, {@code (w + 1) x (h + 1)} doubles each,
 * computed on the host in the same order as the CPU correlator's, so window variances agree exactly.
 * They are cheap (one pass per image) and the GPU then evaluates every window from them.
 */
final class SummedAreaTables {

    private SummedAreaTables() {
    }

    static int length(int w, int h) {
        return (w + 1) * (h + 1);
    }

    /** Writes the tables of {@code p} at the buffers' positions (advancing them by {@link #length}). */
    static void write(Plane p, DoubleBuffer sums, DoubleBuffer sumSqs) {
        int w = p.width();
        int h = p.height();
        int stride = w + 1;
        double[] sum = new double[length(w, h)];
        double[] sq = new double[length(w, h)];
        for (int y = 0; y < h; y++) {
            double rs = 0;
            double rq = 0;
            for (int x = 0; x < w; x++) {
                double v = p.data()[y * w + x];
                rs += v;
                rq += v * v;
                int k = (y + 1) * stride + x + 1;
                sum[k] = sum[k - stride] + rs;
                sq[k] = sq[k - stride] + rq;
            }
        }
        sums.put(sum);
        sumSqs.put(sq);
    }
}
