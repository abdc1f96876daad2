package org.vidkompy.temporal;

/**
 * 64-bit perceptual hashes of one thumbnail: the DCT hash (pHash: signs of the 8x8 lowest DCT
 * frequencies against their median) and the difference hash (dHash: sign of the horizontal gradient
 * on a 9x8 reduction). Both ignore gain and bias, so graded copies hash alike.
 *
 * <p>Holds scratch buffers sized for one thumbnail; not thread-safe, reuse one per stream.
 */
final class PerceptualHasher {

    private static final int LOW = 8;

    private final int width;
    private final int height;
    private final float[] cosX; // LOW x width basis
    private final float[] cosY; // LOW x height basis
    private final float[] rowPass; // LOW x height: horizontal transform of each row
    private final float[] coef = new float[LOW * LOW];
    private final float[] sorted = new float[LOW * LOW - 1];
    private final float[] dBins = new float[9 * 8];
    private final int[] dCounts = new int[9 * 8];

    PerceptualHasher(int width, int height) {
        this.width = width;
        this.height = height;
        this.cosX = basis(width);
        this.cosY = basis(height);
        this.rowPass = new float[LOW * height];
    }

    private static float[] basis(int n) {
        float[] b = new float[LOW * n];
        for (int k = 0; k < LOW; k++) {
            for (int x = 0; x < n; x++) {
                b[k * n + x] = (float) Math.cos(Math.PI * (x + 0.5) * k / n);
            }
        }
        return b;
    }

    /** DCT hash of a full (mask already filled in) thumbnail. */
    long dctHash(float[] img) {
        // Only the LOW x LOW corner of the separable DCT is needed: LOW row passes, then LOW column passes.
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int k = 0; k < LOW; k++) {
                float s = 0;
                int b = k * width;
                for (int x = 0; x < width; x++) {
                    s += img[row + x] * cosX[b + x];
                }
                rowPass[k * height + y] = s;
            }
        }
        for (int ky = 0; ky < LOW; ky++) {
            for (int kx = 0; kx < LOW; kx++) {
                float s = 0;
                int b = ky * height;
                int r = kx * height;
                for (int y = 0; y < height; y++) {
                    s += rowPass[r + y] * cosY[b + y];
                }
                coef[ky * LOW + kx] = s;
            }
        }
        // The DC term only says how bright the frame is; leave it out of the median and the bits.
        System.arraycopy(coef, 1, sorted, 0, sorted.length);
        java.util.Arrays.sort(sorted);
        float median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) * 0.5f;
        long bits = 0;
        for (int i = 1; i < LOW * LOW; i++) {
            if (coef[i] > median) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /** Difference hash of a full (mask already filled in) thumbnail. */
    long differenceHash(float[] img) {
        java.util.Arrays.fill(dBins, 0);
        java.util.Arrays.fill(dCounts, 0);
        for (int y = 0; y < height; y++) {
            int by = y * 8 / height;
            for (int x = 0; x < width; x++) {
                int bin = by * 9 + x * 9 / width;
                dBins[bin] += img[y * width + x];
                dCounts[bin]++;
            }
        }
        long bits = 0;
        for (int by = 0; by < 8; by++) {
            for (int bx = 0; bx < 8; bx++) {
                int a = by * 9 + bx;
                // Compare means; a bin with no pixels (thumbnail narrower than 9) counts as its left neighbour.
                float left = dBins[a] / Math.max(1, dCounts[a]);
                float right = dCounts[a + 1] == 0 ? left : dBins[a + 1] / dCounts[a + 1];
                if (left < right) {
                    bits |= 1L << (by * 8 + bx);
                }
            }
        }
        return bits;
    }
}
