package org.vidkompy.temporal;

/**
 * Temporal pooling for coarse levels: the mean of the unit vectors of a run of frames, renormalised
 * and requantised. A pooled unit changes slowly with its start frame, so fg and bg units that only
 * partly overlap in time still correlate well; point sampling would not.
 */
final class SequencePooler {

    /** Units of {@code factor} frames (unit k starts at {@code round(k*factor)}). */
    DescriptorSequence pool(DescriptorSequence s, double factor) {
        int n = s.size();
        int dim = s.dimension();
        int units = 0;
        while (AlignmentLevel.bgStart(units, factor) < n) {
            units++;
        }
        byte[] src = s.vectors();
        float[] inv = s.invNorms();
        byte[] out = new byte[units * dim];
        double[] acc = new double[dim];
        for (int u = 0; u < units; u++) {
            int from = (int) AlignmentLevel.bgStart(u, factor);
            int to = (int) Math.min(n, AlignmentLevel.bgStart(u + 1, factor));
            java.util.Arrays.fill(acc, 0);
            boolean any = false;
            for (int f = from; f < to; f++) {
                float w = inv[f];
                if (w == 0f) {
                    continue;
                }
                any = true;
                for (int k = 0, o = f * dim; k < dim; k++) {
                    acc[k] += src[o + k] * w;
                }
            }
            if (any) {
                quantise(acc, out, u * dim);
            }
        }
        return DescriptorSequence.ofVectors(s.spec(), units, dim, out);
    }

    private static void quantise(double[] acc, byte[] out, int off) {
        int dim = acc.length;
        double mean = 0;
        for (double v : acc) {
            mean += v;
        }
        mean /= dim;
        double var = 0;
        for (double v : acc) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / dim);
        if (std < 1e-9) {
            return; // stays all zero: uninformative
        }
        double scale = FrameDescriber.STEPS_PER_SIGMA / std;
        for (int k = 0; k < dim; k++) {
            long q = Math.round((acc[k] - mean) * scale);
            out[off + k] = (byte) Math.max(-127, Math.min(127, q));
        }
    }
}
