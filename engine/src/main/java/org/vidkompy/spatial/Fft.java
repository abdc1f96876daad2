package org.vidkompy.spatial;

/**
 * In-place complex radix-2 FFT of one fixed power-of-two length, on split real/imaginary arrays.
 *
 * <p>Twiddles and the bit-reversal permutation are computed once per length, because the correlator
 * transforms hundreds of rows and columns of the same length per call. Neither direction normalises;
 * callers that need a true inverse divide by the length themselves.
 */
final class Fft {

    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    Fft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two: " + n);
        }
        this.n = n;
        cos = new double[Math.max(1, n / 2)];
        sin = new double[Math.max(1, n / 2)];
        for (int k = 0; k < n / 2; k++) {
            double a = -2 * Math.PI * k / n;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        reversed = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            reversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
    }

    int length() {
        return n;
    }

    /** Forward transform, kernel e^{-2πi jk/n}. */
    void forward(double[] re, double[] im) {
        transform(re, im, false);
    }

    /** Inverse transform without the 1/n factor, kernel e^{+2πi jk/n}. */
    void inverseUnscaled(double[] re, double[] im) {
        transform(re, im, true);
    }

    private void transform(double[] re, double[] im, boolean inverse) {
        for (int i = 0; i < n; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? -1 : 1;
        for (int half = 1; half < n; half <<= 1) {
            int stride = n / (2 * half);
            for (int start = 0; start < n; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride];
                    double wi = sign * sin[k * stride];
                    int a = start + k;
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
