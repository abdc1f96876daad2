package org.vidkompy.compose;

/**
 * The resampling along one axis, precomputed once per job because the placement is constant: for
 * every bg pixel the fg touches, which fg pixels contribute with which weights, and how much of
 * the bg pixel the fg covers.
 *
 * <p>bg pixel centre X + 0.5 samples the fg at u = (X + 0.5 - offset) / scale - 0.5 in fg
 * pixel-centre coordinates. When upscaling or only shifting, the Keys cubic is used as is; when
 * downscaling it is stretched by 1/scale (as Pillow and ImageMagick do) so that it integrates
 * over the fg pixels a bg pixel spans and does not alias. Taps beyond the fg's edge repeat the edge
 * pixel, so the edge does not darken towards the black outside.
 */
final class AxisWeights {

    /** bg index of the first output pixel. */
    final int first;
    /** Number of output pixels the fg touches on this axis (may be 0). */
    final int count;
    final int taps;
    /** fg pixel index of tap t of output i at [i * taps + t], already clamped into the fg. */
    final int[] index;
    /** Weight of that tap; the taps of one output sum to 1. */
    final float[] weight;
    /** Fraction of output pixel i covered by the fg, 0..1. */
    final float[] coverage;
    /**
     * Outputs [uniformFrom, uniformTo) all use the same weights on consecutive fg pixels (always the
     * case at scale 1 away from the edges), so a resampler can hoist the weights out of its loop.
     */
    final int uniformFrom;
    final int uniformTo;

    private AxisWeights(int first, int count, int taps, int[] index, float[] weight, float[] coverage) {
        this.first = first;
        this.count = count;
        this.taps = taps;
        this.index = index;
        this.weight = weight;
        this.coverage = coverage;
        int[] run = longestUniformRun(count, taps, index, weight);
        this.uniformFrom = run[0];
        this.uniformTo = run[1];
    }

    private static int[] longestUniformRun(int count, int taps, int[] index, float[] weight) {
        int bestFrom = 0;
        int bestTo = 0;
        int from = 0;
        for (int i = 1; i <= count; i++) {
            if (i == count || !sameShape(from, i, taps, index, weight)) {
                if (i - from > bestTo - bestFrom) {
                    bestFrom = from;
                    bestTo = i;
                }
                from = i;
            }
        }
        return new int[] {bestFrom, bestTo};
    }

    private static boolean sameShape(int a, int b, int taps, int[] index, float[] weight) {
        for (int t = 0; t < taps; t++) {
            if (weight[a * taps + t] != weight[b * taps + t] || index[b * taps + t] - index[a * taps + t] != b - a) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param fgSize fg pixels on this axis
     * @param offset where the fg's leading edge lies in bg pixels
     * @param scale  fg→bg factor
     * @param bgSize bg pixels on this axis (outputs are clipped to it)
     */
    static AxisWeights build(int fgSize, double offset, double scale, int bgSize) {
        if (scale == 1.0 && Math.abs(offset - Math.rint(offset)) < WHOLE_PIXEL) {
            return copy(fgSize, Math.rint(offset), bgSize);
        }
        double end = offset + fgSize * scale;
        int first = Math.max(0, Math.min(bgSize, (int) Math.floor(offset)));
        int last = Math.max(0, Math.min(bgSize, (int) Math.ceil(end)));
        int count = Math.max(0, last - first);
        return cubic(fgSize, offset, scale, first, count, true);
    }

    /**
     * Weights for the given outputs [first, first + count) only, without coverage (all 1): for a
     * plane whose opacity comes from elsewhere, such as 4:2:0 chroma, whose opacity is the luma's
     * filtered down. Output i samples the fg at u = (first + i + 0.5 - offset) / scale - 0.5 as in
     * {@link #build}, so {@code offset} is where the fg's sample grid starts, in output samples.
     */
    static AxisWeights sampling(int fgSize, double offset, double scale, int first, int count) {
        if (scale == 1.0 && Math.abs(offset - Math.rint(offset)) < WHOLE_PIXEL / 2) {
            int off = (int) Math.rint(offset);
            int[] index = new int[count];
            float[] weight = new float[count];
            float[] coverage = new float[count];
            for (int i = 0; i < count; i++) {
                index[i] = Math.max(0, Math.min(fgSize - 1, first + i - off));
                weight[i] = 1f;
                coverage[i] = 1f;
            }
            return new AxisWeights(first, count, 1, index, weight, coverage);
        }
        return cubic(fgSize, offset, scale, first, count, false);
    }

    /**
     * Cubic weights for outputs [first, first + count): output i samples the fg at
     * u = (first + i + 0.5 - offset) / scale - 0.5; with {@code covered}, each output's coverage is the
     * share of it the fg spans, else 1.
     */
    private static AxisWeights cubic(int fgSize, double offset, double scale, int first, int count,
                                     boolean covered) {
        double end = offset + fgSize * scale;
        // Kernel argument per fg pixel of distance: 1 when upscaling, scale (< 1) when downscaling.
        // The kernel never needs to be wider than the fg itself: once the whole fg lands on a few bg
        // pixels any wider filter gives the same mean, but would cost taps (memory and time) in
        // proportion to 1/scale.
        double stretch = Math.max(Math.min(1.0, scale), 2 * CubicKernel.RADIUS / (fgSize + 2.0 * CubicKernel.RADIUS));
        double radius = CubicKernel.RADIUS / stretch;
        int taps = (int) Math.ceil(2 * radius);
        int[] index = new int[count * taps];
        float[] weight = new float[count * taps];
        float[] coverage = new float[count];
        double[] w = new double[taps];
        for (int i = 0; i < count; i++) {
            int bg = first + i;
            double u = (bg + 0.5 - offset) / scale - 0.5;
            int t0 = (int) Math.floor(u - radius) + 1;
            double sum = 0;
            for (int t = 0; t < taps; t++) {
                w[t] = CubicKernel.weight((u - (t0 + t)) * stretch);
                sum += w[t];
            }
            for (int t = 0; t < taps; t++) {
                index[i * taps + t] = Math.max(0, Math.min(fgSize - 1, t0 + t));
                weight[i * taps + t] = (float) (w[t] / sum);
            }
            coverage[i] = covered ? (float) Math.max(0, Math.min(1, Math.min(bg + 1.0, end) - Math.max(bg, offset))) : 1f;
        }
        return new AxisWeights(first, count, taps, index, weight, coverage);
    }

    /**
     * A placement this close to whole pixels at scale 1 is drawn as a copy: the analysis itself is
     * only sure of the placement to about a hundredth of a pixel (its run-to-run spread), so a shift
     * that small is noise, and the copy is sharper (no interpolation) and four times cheaper. A
     * crop-style fg (screen captures, insets cut from the same master) lands here.
     */
    static final double WHOLE_PIXEL = 0.01;

    private static AxisWeights copy(int fgSize, double offset, int bgSize) {
        int off = (int) offset;
        int first = Math.max(0, Math.min(bgSize, off));
        int last = Math.max(0, Math.min(bgSize, off + fgSize));
        int count = Math.max(0, last - first);
        int[] index = new int[count];
        float[] weight = new float[count];
        float[] coverage = new float[count];
        for (int i = 0; i < count; i++) {
            index[i] = first + i - off;
            weight[i] = 1f;
            coverage[i] = 1f;
        }
        return new AxisWeights(first, count, 1, index, weight, coverage);
    }

    /** Smallest fg index any of outputs [from, to) reads. */
    int minIndex(int from, int to) {
        int m = Integer.MAX_VALUE;
        for (int k = from * taps; k < to * taps; k++) {
            m = Math.min(m, index[k]);
        }
        return m;
    }

    int maxIndex(int from, int to) {
        int m = Integer.MIN_VALUE;
        for (int k = from * taps; k < to * taps; k++) {
            m = Math.max(m, index[k]);
        }
        return m;
    }

    /**
     * The weighted sum for output {@code j} over rows of {@code rows} (each {@code rowLen} long, the first
     * being source row {@code rowFrom}) into {@code out}: the vertical pass of a separable resampling.
     */
    void sumRows(int j, int rowFrom, int rowLen, float[] rows, float[] out) {
        if (taps == 4) {
            sumFour(j, rowFrom, rowLen, rows, out);
        } else if (taps == 1) {
            System.arraycopy(rows, (index[j] - rowFrom) * rowLen, out, 0, rowLen);
        } else {
            java.util.Arrays.fill(out, 0, rowLen, 0f);
            for (int t = 0; t < taps; t++) {
                float wt = weight[j * taps + t];
                int base = (index[j * taps + t] - rowFrom) * rowLen;
                for (int k = 0; k < rowLen; k++) {
                    out[k] += rows[base + k] * wt;
                }
            }
        }
    }

    /** Four taps in one pass per row, in the same order as the general loop, so both give the same sums. */
    private void sumFour(int j, int rowFrom, int rowLen, float[] rows, float[] out) {
        int k0 = j * 4;
        float w0 = weight[k0];
        float w1 = weight[k0 + 1];
        float w2 = weight[k0 + 2];
        float w3 = weight[k0 + 3];
        int b0 = (index[k0] - rowFrom) * rowLen;
        int b1 = (index[k0 + 1] - rowFrom) * rowLen;
        int b2 = (index[k0 + 2] - rowFrom) * rowLen;
        int b3 = (index[k0 + 3] - rowFrom) * rowLen;
        for (int k = 0; k < rowLen; k++) {
            float v = 0;
            v += rows[b0 + k] * w0;
            v += rows[b1 + k] * w1;
            v += rows[b2 + k] * w2;
            v += rows[b3 + k] * w3;
            out[k] = v;
        }
    }
}
