package org.vidkompy.temporal;

/**
 * How much the picture typically changes from one bg frame (or pooled unit) to the next, in descriptor
 * distance: the median over consecutive informative pairs. Slow footage changes by 0.001 per frame,
 * fast footage by 0.1; a step penalty in these units means the same thing for both ("skipping a frame
 * costs about what sitting one frame off costs"), where a fixed one would either drown slow footage in
 * the prior or let fast footage jitter.
 */
final class MotionScale {

    /** Below this the footage is treated as still; keeps the prior from vanishing entirely. */
    static final float FLOOR = 1e-4f;
    private static final int MAX_PAIRS = 20_000;

    float of(DescriptorSequence s) {
        int pairs = s.size() - 1;
        if (pairs < 1) {
            return FLOOR;
        }
        int stride = Math.max(1, pairs / MAX_PAIRS);
        float[] d = new float[(pairs + stride - 1) / stride];
        int n = 0;
        for (int j = 0; j < pairs; j += stride) {
            float r = s.correlation(j, s, j + 1);
            if (!Float.isNaN(r)) {
                d[n++] = 1f - r;
            }
        }
        if (n == 0) {
            return FLOOR;
        }
        java.util.Arrays.sort(d, 0, n);
        return Math.max(FLOOR, d[n / 2]);
    }
}
