package org.vidkompy.temporal;

import java.util.Random;

/** Bands and descriptor sequences for tests outside this package (the CUDA twin's), which cannot make them. */
public final class TestBands {

    private TestBands() {
    }

    public static Band of(int[] lo, int[] hi) {
        return new Band(lo, hi);
    }

    /**
     * Random quantised vectors at the standard spec's dimension; every {@code flatEvery}-th frame is all
     * zero (uninformative), 0 for none.
     */
    public static DescriptorSequence random(int count, long seed, int flatEvery) {
        DescriptorSpec spec = DescriptorSpec.standard();
        int dim = new FrameDescriber(spec).dimension();
        byte[] v = new byte[count * dim];
        Random rnd = new Random(seed);
        for (int i = 0; i < count; i++) {
            if (flatEvery > 0 && i % flatEvery == 0) {
                continue;
            }
            for (int k = 0; k < dim; k++) {
                v[i * dim + k] = (byte) (rnd.nextInt(255) - 127);
            }
        }
        return DescriptorSequence.ofVectors(spec, count, dim, v);
    }
}
