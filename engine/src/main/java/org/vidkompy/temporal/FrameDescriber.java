package org.vidkompy.temporal;

import org.vidkompy.image.Plane;

/**
 * Turns one thumbnail into its descriptor: the masked, grid-binned picture normalised to zero mean and
 * unit variance (so grading, brightness and fades do not matter) and quantised to signed bytes, plus
 * the two 64-bit perceptual hashes.
 *
 * <p>Holds scratch buffers; not thread-safe, one per stream.
 */
final class FrameDescriber {

    /** Quantisation: one standard deviation is this many byte steps; ±4 sigma fits in a byte. */
    static final float STEPS_PER_SIGMA = 32f;

    private final DescriptorSpec spec;
    private final int[] cellOfPixel; // compact cell index per thumbnail pixel, -1 when left out
    private final int cells;
    private final float[] cellSum;
    private final int[] cellCount;
    private final float[] filled;
    private final PerceptualHasher hasher;

    /** Results of the last {@link #describe} call. */
    float invNorm;
    long pHash;
    long dHash;

    FrameDescriber(DescriptorSpec spec) {
        this.spec = spec;
        int tw = spec.thumbWidth();
        int cw = spec.cellWidth();
        int ch = spec.cellHeight();
        int gw = spec.gridWidth();
        int gh = spec.gridHeight();
        ThumbMask mask = spec.mask();
        // A grid cell takes part when at least half of its pixels are in the mask; it then averages only those.
        int[] compact = new int[gw * gh];
        int k = 0;
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                int on = 0;
                for (int y = gy * ch; y < (gy + 1) * ch; y++) {
                    for (int x = gx * cw; x < (gx + 1) * cw; x++) {
                        on += mask.isOn(x, y) ? 1 : 0;
                    }
                }
                compact[gy * gw + gx] = 2 * on >= cw * ch ? k++ : -1;
            }
        }
        if (k < 4) {
            throw new IllegalArgumentException("mask " + mask + " leaves only " + k + " of "
                    + gw * gh + " grid cells; widen the content area or border band");
        }
        this.cells = k;
        this.cellOfPixel = new int[tw * spec.thumbHeight()];
        for (int y = 0; y < spec.thumbHeight(); y++) {
            for (int x = 0; x < tw; x++) {
                int c = compact[(y / ch) * gw + x / cw];
                cellOfPixel[y * tw + x] = mask.isOn(x, y) ? c : -1;
            }
        }
        this.cellSum = new float[k];
        this.cellCount = new int[k];
        this.filled = new float[tw * spec.thumbHeight()];
        this.hasher = new PerceptualHasher(tw, spec.thumbHeight());
    }

    /** Length of the compared vector: the grid cells inside the mask. */
    int dimension() {
        return cells;
    }

    /**
     * Describes {@code thumb} into {@code out[offset .. offset+dimension())}; fills {@link #invNorm}
     * (0 for an uninformative frame, whose vector is all zero), {@link #pHash} and {@link #dHash}.
     */
    void describe(Plane thumb, byte[] out, int offset) {
        if (thumb.width() != spec.thumbWidth() || thumb.height() != spec.thumbHeight()) {
            throw new IllegalArgumentException("thumbnail is " + thumb.width() + "x" + thumb.height()
                    + ", spec wants " + spec.thumbWidth() + "x" + spec.thumbHeight());
        }
        float[] px = thumb.data();
        java.util.Arrays.fill(cellSum, 0f);
        java.util.Arrays.fill(cellCount, 0);
        int n = cellOfPixel.length;
        double maskedSum = 0;
        int maskedCount = 0;
        for (int i = 0; i < n; i++) {
            int c = cellOfPixel[i];
            if (c >= 0) {
                cellSum[c] += px[i];
                cellCount[c]++;
                maskedSum += px[i];
                maskedCount++;
            }
        }
        double mean = 0;
        for (int c = 0; c < cells; c++) {
            cellSum[c] /= cellCount[c];
            mean += cellSum[c];
        }
        mean /= cells;
        double var = 0;
        for (int c = 0; c < cells; c++) {
            double d = cellSum[c] - mean;
            var += d * d;
        }
        double std = Math.sqrt(var / cells);
        if (std < spec.flatStd()) {
            // Well defined but empty: an all-zero vector and invNorm 0 mark "no evidence" for the cost.
            java.util.Arrays.fill(out, offset, offset + cells, (byte) 0);
            invNorm = 0f;
            pHash = 0L;
            dHash = 0L;
            return;
        }
        float scale = (float) (STEPS_PER_SIGMA / std);
        long sq = 0;
        for (int c = 0; c < cells; c++) {
            int q = Math.round((float) (cellSum[c] - mean) * scale);
            q = Math.max(-127, Math.min(127, q));
            out[offset + c] = (byte) q;
            sq += (long) q * q;
        }
        invNorm = sq == 0 ? 0f : (float) (1.0 / Math.sqrt(sq));
        // Hash the thumbnail with the left-out pixels set to the masked mean, so bars and the border
        // interior are neutral instead of strong edges.
        float fill = (float) (maskedSum / maskedCount);
        for (int i = 0; i < n; i++) {
            filled[i] = cellOfPixel[i] >= 0 ? px[i] : fill;
        }
        pHash = hasher.dctHash(filled);
        dHash = hasher.differenceHash(filled);
    }
}
