package org.vidkompy.image;

/**
 * Summed-area tables of a plane's values and squared values, {@code (w + 1) x (h + 1)} doubles each
 * (double, so window variances stay exact). Shared by the CPU correlator and the CUDA one, which
 * uploads them, so both see identical window statistics.
 */
public final class SummedAreaTable {

    private final int stride;
    private final double[] sum;
    private final double[] sumSq;

    public SummedAreaTable(Plane p) {
        int w = p.width();
        int h = p.height();
        stride = w + 1;
        sum = new double[length(w, h)];
        sumSq = new double[length(w, h)];
        float[] d = p.data();
        for (int y = 0; y < h; y++) {
            double rs = 0;
            double rq = 0;
            for (int x = 0; x < w; x++) {
                double v = d[y * w + x];
                rs += v;
                rq += v * v;
                int k = (y + 1) * stride + x + 1;
                sum[k] = sum[k - stride] + rs;
                sumSq[k] = sumSq[k - stride] + rq;
            }
        }
    }

    /** Doubles in one table of a {@code w x h} plane. */
    public static int length(int w, int h) {
        return (w + 1) * (h + 1);
    }

    /** Sum of the values in the window at (x, y) of size w x h. */
    public double sum(int x, int y, int w, int h) {
        return box(sum, x, y, w, h);
    }

    public double sumSq(int x, int y, int w, int h) {
        return box(sumSq, x, y, w, h);
    }

    /** The raw tables, row-major with stride {@code width + 1}; not copies. */
    public double[] sums() {
        return sum;
    }

    public double[] sumSqs() {
        return sumSq;
    }

    private double box(double[] t, int x, int y, int w, int h) {
        int a = y * stride + x;
        int b = (y + h) * stride + x;
        return t[b + w] - t[b] - t[a + w] + t[a];
    }
}
