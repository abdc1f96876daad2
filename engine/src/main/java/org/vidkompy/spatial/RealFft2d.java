package org.vidkompy.spatial;

/**
 * 2-D FFT of real images of one fixed power-of-two size, keeping only the non-redundant half
 * spectrum ({@code height} rows of {@code width/2 + 1} bins).
 *
 * <p>Each row is transformed as a complex sequence of half the length (even samples as real part,
 * odd samples as imaginary part) and then split into the real-input spectrum, which halves the row
 * work; the columns of the half spectrum are then ordinary complex transforms. The object owns its
 * scratch arrays, so one instance must not be used by two threads at once.
 */
final class RealFft2d {

    private final int width;
    private final int height;
    private final int half;
    private final Fft rowFft;
    private final Fft columnFft;
    private final double[] splitCos;
    private final double[] splitSin;
    private final double[] rowRe;
    private final double[] rowIm;
    private final double[] colRe;
    private final double[] colIm;

    RealFft2d(int width, int height) {
        if (width < 2) {
            throw new IllegalArgumentException("width must be at least 2: " + width);
        }
        this.width = width;
        this.height = height;
        this.half = width / 2;
        this.rowFft = new Fft(half);
        this.columnFft = new Fft(height);
        splitCos = new double[half + 1];
        splitSin = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            double a = -2 * Math.PI * k / width;
            splitCos[k] = Math.cos(a);
            splitSin[k] = Math.sin(a);
        }
        rowRe = new double[half + 1];
        rowIm = new double[half + 1];
        colRe = new double[height];
        colIm = new double[height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Number of complex bins per spectrum row. */
    int bins() {
        return half + 1;
    }

    /** Length of the arrays that hold one half spectrum (real or imaginary part). */
    int spectrumLength() {
        return height * (half + 1);
    }

    /**
     * Transforms {@code in} (row-major, {@code width*height}) into the half spectrum
     * {@code re/im[row * bins() + k]}.
     */
    void forward(double[] in, double[] re, double[] im) {
        forward(in, re, im, height);
    }

    /** Like {@link #forward(double[], double[], double[])} for input whose rows from {@code rows} on are zero. */
    void forward(double[] in, double[] re, double[] im, int rows) {
        int bins = half + 1;
        java.util.Arrays.fill(re, rows * bins, height * bins, 0);
        java.util.Arrays.fill(im, rows * bins, height * bins, 0);
        for (int y = 0; y < rows; y++) {
            int base = y * width;
            for (int k = 0; k < half; k++) {
                rowRe[k] = in[base + 2 * k];
                rowIm[k] = in[base + 2 * k + 1];
            }
            rowFft.forward(rowRe, rowIm);
            int out = y * bins;
            for (int k = 0; k <= half; k++) {
                // Z[k] and conj(Z[half-k]) give the spectra of the even and odd samples.
                int m = k == half ? 0 : k;
                int mk = k == 0 ? 0 : half - k;
                double zr = rowRe[m];
                double zi = rowIm[m];
                double cr = rowRe[mk];
                double ci = -rowIm[mk];
                double er = 0.5 * (zr + cr);
                double ei = 0.5 * (zi + ci);
                // odd = (Z - conj Z') / 2i
                double or = 0.5 * (zi - ci);
                double oi = -0.5 * (zr - cr);
                double wr = splitCos[k];
                double wi = splitSin[k];
                re[out + k] = er + wr * or - wi * oi;
                im[out + k] = ei + wr * oi + wi * or;
            }
        }
        for (int k = 0; k < bins; k++) {
            for (int y = 0; y < height; y++) {
                colRe[y] = re[y * bins + k];
                colIm[y] = im[y * bins + k];
            }
            columnFft.forward(colRe, colIm);
            for (int y = 0; y < height; y++) {
                re[y * bins + k] = colRe[y];
                im[y * bins + k] = colIm[y];
            }
        }
    }

    /**
     * Inverse of {@link #forward}, normalised, so that {@code inverse(forward(x)) == x}.
     * Destroys the contents of {@code re} and {@code im}.
     */
    void inverse(double[] re, double[] im, double[] out) {
        inverse(re, im, out, height);
    }

    /** Like {@link #inverse(double[], double[], double[])} but produces only the first {@code rows} rows. */
    void inverse(double[] re, double[] im, double[] out, int rows) {
        int bins = half + 1;
        for (int k = 0; k < bins; k++) {
            for (int y = 0; y < height; y++) {
                colRe[y] = re[y * bins + k];
                colIm[y] = im[y * bins + k];
            }
            columnFft.inverseUnscaled(colRe, colIm);
            for (int y = 0; y < height; y++) {
                re[y * bins + k] = colRe[y];
                im[y * bins + k] = colIm[y];
            }
        }
        // Unscaled column and half-length row inverses leave a factor height * half.
        double norm = 1.0 / ((double) height * half);
        for (int y = 0; y < rows; y++) {
            int row = y * bins;
            for (int k = 0; k < half; k++) {
                double xr = re[row + k];
                double xi = im[row + k];
                double cr = re[row + half - k];
                double ci = -im[row + half - k];
                double er = 0.5 * (xr + cr);
                double ei = 0.5 * (xi + ci);
                double dr = 0.5 * (xr - cr);
                double di = 0.5 * (xi - ci);
                // odd = (X - conj X') * W^{-k} / 2, with W^{-k} the conjugate twiddle.
                double wr = splitCos[k];
                double wi = -splitSin[k];
                double or = dr * wr - di * wi;
                double oi = dr * wi + di * wr;
                // Z = even + i * odd
                rowRe[k] = er - oi;
                rowIm[k] = ei + or;
            }
            rowFft.inverseUnscaled(rowRe, rowIm);
            int base = y * width;
            for (int k = 0; k < half; k++) {
                out[base + 2 * k] = rowRe[k] * norm;
                out[base + 2 * k + 1] = rowIm[k] * norm;
            }
        }
    }
}
