package org.vidkompy.temporal;

import java.util.Arrays;
import java.util.Objects;
import org.vidkompy.image.Plane;

/**
 * The descriptors of every frame of one input, in flat primitive arrays: {@link #dimension()} signed
 * bytes of normalised picture per frame, its inverse norm (0 = uninformative frame), and the pHash and
 * dHash. About {@code dimension + 20} bytes per frame: 276 bytes at the default spec, 60 MB for an hour
 * at 60 fps.
 *
 * <p>Built streaming with {@link Builder}; immutable afterwards (the arrays are not handed out).
 */
public final class DescriptorSequence {

    private final DescriptorSpec spec;
    private final int count;
    private final int dimension;
    private final byte[] vectors;
    private final float[] invNorm;
    private final long[] pHash;
    private final long[] dHash;

    DescriptorSequence(DescriptorSpec spec, int count, int dimension, byte[] vectors, float[] invNorm,
                       long[] pHash, long[] dHash) {
        this.spec = spec;
        this.count = count;
        this.dimension = dimension;
        this.vectors = vectors;
        this.invNorm = invNorm;
        this.pHash = pHash;
        this.dHash = dHash;
    }

    /**
     * A sequence made directly from quantised vectors (pooled coarse levels, synthetic tests); the
     * hashes are zero. A vector that is all zero is uninformative.
     */
    static DescriptorSequence ofVectors(DescriptorSpec spec, int count, int dimension, byte[] vectors) {
        float[] inv = new float[count];
        for (int i = 0; i < count; i++) {
            long sq = 0;
            for (int k = i * dimension, e = k + dimension; k < e; k++) {
                sq += vectors[k] * vectors[k];
            }
            inv[i] = sq == 0 ? 0f : (float) (1.0 / Math.sqrt(sq));
        }
        return new DescriptorSequence(spec, count, dimension, vectors, inv, new long[count], new long[count]);
    }

    /**
     * A sequence whose frame {@code k} is this one's frame {@code source[k]}, or an uninformative
     * frame where {@code source[k]} is negative.
     */
    DescriptorSequence resampled(int[] source) {
        int m = source.length;
        byte[] v = new byte[m * dimension];
        float[] inv = new float[m];
        long[] p = new long[m];
        long[] d = new long[m];
        for (int k = 0; k < m; k++) {
            int i = source[k];
            if (i >= 0) {
                System.arraycopy(vectors, i * dimension, v, k * dimension, dimension);
                inv[k] = invNorm[i];
                p[k] = pHash[i];
                d[k] = dHash[i];
            }
        }
        return new DescriptorSequence(spec, m, dimension, v, inv, p, d);
    }

    public static Builder builder(DescriptorSpec spec) {
        return new Builder(spec);
    }

    public DescriptorSpec spec() {
        return spec;
    }

    /** Number of frames. */
    public int size() {
        return count;
    }

    /** Bytes per frame vector (grid cells inside the mask). */
    public int dimension() {
        return dimension;
    }

    /** True when frame {@code i} carries no picture information (flat, black, fully faded). */
    public boolean isUninformative(int i) {
        return invNorm[i] == 0f;
    }

    public long pHash(int i) {
        return pHash[i];
    }

    public long dHash(int i) {
        return dHash[i];
    }

    /** Normalised correlation of frame {@code i} here with frame {@code j} of {@code other}; NaN if either is uninformative. */
    public float correlation(int i, DescriptorSequence other, int j) {
        float n = invNorm[i] * other.invNorm[j];
        if (n == 0f) {
            return Float.NaN;
        }
        return VectorMath.dot(vectors, i * dimension, other.vectors, j * other.dimension, dimension) * n;
    }

    /** Retained heap bytes, for memory planning. */
    public long retainedBytes() {
        return (long) vectors.length + 4L * invNorm.length + 16L * pHash.length;
    }

    /**
     * Copies the vectors of frames {@code [from, to)} ({@link #dimension()} bytes each) into {@code dst} at
     * its position: for cost kernels outside this package (the CUDA twin uploads them to the device),
     * without handing out the array.
     */
    public void copyVectors(int from, int to, java.nio.ByteBuffer dst) {
        java.util.Objects.checkFromToIndex(from, to, count);
        dst.put(vectors, from * dimension, (to - from) * dimension);
    }

    /** Copies the inverse norms (0 = uninformative) of frames {@code [from, to)} into {@code dst}; see {@link #copyVectors}. */
    public void copyInvNorms(int from, int to, java.nio.FloatBuffer dst) {
        java.util.Objects.checkFromToIndex(from, to, count);
        dst.put(invNorm, from, to - from);
    }

    // Package-private views for the cost kernels: read-only by convention, no copies in hot loops.
    byte[] vectors() {
        return vectors;
    }

    float[] invNorms() {
        return invNorm;
    }

    /** Streaming builder: one {@link #add} per decoded frame, constant scratch, amortised growth. */
    public static final class Builder {
        private final DescriptorSpec spec;
        private final FrameDescriber describer;
        private final int dimension;
        private byte[] vectors;
        private float[] invNorm;
        private long[] pHash;
        private long[] dHash;
        private int count;

        private Builder(DescriptorSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
            this.describer = new FrameDescriber(spec);
            this.dimension = describer.dimension();
            int initial = 1024;
            vectors = new byte[initial * dimension];
            invNorm = new float[initial];
            pHash = new long[initial];
            dHash = new long[initial];
        }

        /** Describes and appends the next frame's thumbnail; the plane may be reused by the caller afterwards. */
        public Builder add(Plane thumb) {
            if (count == invNorm.length) {
                grow();
            }
            describer.describe(thumb, vectors, count * dimension);
            invNorm[count] = describer.invNorm;
            pHash[count] = describer.pHash;
            dHash[count] = describer.dHash;
            count++;
            return this;
        }

        public int size() {
            return count;
        }

        /**
         * Normalised correlation of the frame added last with frame {@code j} of {@code other}, NaN if
         * either carries no picture; lets a scan track matches while it streams.
         */
        public float correlateLast(DescriptorSequence other, int j) {
            int i = count - 1;
            float n = invNorm[i] * other.invNorm[j];
            if (n == 0f) {
                return Float.NaN;
            }
            return VectorMath.dot(vectors, i * dimension, other.vectors, j * other.dimension, dimension) * n;
        }

        /** Appends every frame of {@code part} (described with the same spec), in order. */
        public Builder addAll(DescriptorSequence part) {
            if (part.dimension != dimension) {
                throw new IllegalArgumentException("descriptors of another size");
            }
            for (int j = 0; j < part.count; j++) {
                if (count == invNorm.length) {
                    grow();
                }
                System.arraycopy(part.vectors, j * dimension, vectors, count * dimension, dimension);
                invNorm[count] = part.invNorm[j];
                pHash[count] = part.pHash[j];
                dHash[count] = part.dHash[j];
                count++;
            }
            return this;
        }

        private void grow() {
            int cap = invNorm.length + (invNorm.length >> 1);
            if ((long) cap * dimension > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("descriptor store full at " + count + " frames");
            }
            vectors = Arrays.copyOf(vectors, cap * dimension);
            invNorm = Arrays.copyOf(invNorm, cap);
            pHash = Arrays.copyOf(pHash, cap);
            dHash = Arrays.copyOf(dHash, cap);
        }

        /** The finished sequence, trimmed to size. The builder must not be used afterwards. */
        public DescriptorSequence build() {
            DescriptorSequence s = new DescriptorSequence(spec, count, dimension,
                    Arrays.copyOf(vectors, count * dimension), Arrays.copyOf(invNorm, count),
                    Arrays.copyOf(pHash, count), Arrays.copyOf(dHash, count));
            vectors = null;
            invNorm = null;
            return s;
        }
    }
}
