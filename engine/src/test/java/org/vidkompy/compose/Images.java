package org.vidkompy.compose;

/** Image comparisons for the compose tests. */
final class Images {

    private Images() {
    }

    /** PSNR in dB over the packed RGB rectangle [x0, x1) × [y0, y1) of two images of width {@code w}. */
    static double psnr(byte[] a, byte[] b, int w, int x0, int y0, int x1, int y1) {
        double se = 0;
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    double d = (a[p + c] & 0xff) - (b[p + c] & 0xff);
                    se += d * d;
                    n++;
                }
            }
        }
        double mse = se / Math.max(1, n);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    static double psnr(byte[] a, byte[] b) {
        return psnr(a, b, a.length / 3, 0, 0, a.length / 3, 1);
    }

    /** Mean absolute difference over a packed RGB rectangle. */
    static double mad(byte[] a, byte[] b, int w, int x0, int y0, int x1, int y1) {
        double s = 0;
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    s += Math.abs((a[p + c] & 0xff) - (b[p + c] & 0xff));
                    n++;
                }
            }
        }
        return s / Math.max(1, n);
    }
}
