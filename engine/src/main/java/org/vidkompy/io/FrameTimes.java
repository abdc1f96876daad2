package org.vidkompy.io;

/**
 * The presentation timestamp of every video frame, from the probe's demux pass (no decoding): what an
 * exact {@link FrameReader#seek(double, int)} to a frame index needs when the frame rate is
 * variable or not to be trusted. Values are relative to the stream start, like
 * {@link FrameReader#pts()}.
 */
public final class FrameTimes {

    private static final int[] NONE = new int[0];

    private final long[] pts;
    private final Rational timeBase;
    private final int[] keys;
    /** Frames no other frame is predicted from; null where not known. */
    private final java.util.BitSet nonReference;

    private FrameTimes(long[] pts, Rational timeBase, int[] keys, java.util.BitSet nonReference) {
        this.pts = pts;
        this.timeBase = timeBase;
        this.keys = keys;
        this.nonReference = nonReference;
    }

    /** {@code pts} in presentation order, relative to the stream start, in {@code timeBase}. */
    public static FrameTimes of(long[] pts, Rational timeBase) {
        return new FrameTimes(pts, timeBase, NONE, null);
    }

    /**
     * As {@link #of(long[], Rational)}, with the indices of the key frames (rising): frames a decode
     * can start at.
     */
    public static FrameTimes of(long[] pts, Rational timeBase, int[] keys) {
        return new FrameTimes(pts, timeBase, keys.clone(), null);
    }

    /**
     * As {@link #of(long[], Rational, int[])}, with the frames no other frame is predicted from: those
     * a decoder skipping non-reference frames leaves out.
     */
    public static FrameTimes of(long[] pts, Rational timeBase, int[] keys, java.util.BitSet nonReference) {
        return new FrameTimes(pts, timeBase, keys.clone(), (java.util.BitSet) nonReference.clone());
    }

    /**
     * Indices of the frames others are predicted from (I- and P-frames, and B-frames that are
     * references), what {@link ReaderOptions#withReferenceOnly} decodes, rising; null where the packets
     * did not tell.
     */
    public int[] referenceFrames() {
        if (nonReference == null) {
            return null;
        }
        int[] out = new int[pts.length - nonReference.cardinality()];
        int n = 0;
        for (int i = nonReference.nextClearBit(0); i < pts.length; i = nonReference.nextClearBit(i + 1)) {
            out[n++] = i;
        }
        return out;
    }

    /** Indices of the key frames, rising; empty where they are not known. */
    public int[] keys() {
        return keys.clone();
    }

    public int count() {
        return pts.length;
    }

    /**
     * Whether every frame follows the one before by the median step, give or take a quarter of it (what
     * a container's rounded ticks leave of a constant rate; a dropped frame or a capture's jitter does not).
     */
    public boolean evenlySpaced() {
        if (pts.length < 3) {
            return false;
        }
        long[] steps = new long[pts.length - 1];
        for (int i = 1; i < pts.length; i++) {
            steps[i - 1] = pts[i] - pts[i - 1];
        }
        long[] sorted = steps.clone();
        java.util.Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        if (median <= 0) {
            return false;
        }
        for (long s : steps) {
            if (Math.abs(s - median) * 4 > median) {
                return false;
            }
        }
        return true;
    }

    /** Timestamp of frame {@code i} in the stream's time base. */
    public long pts(int i) {
        return pts[i];
    }

    public double seconds(int i) {
        return pts[i] * timeBase.toDouble();
    }

    public Rational timeBase() {
        return timeBase;
    }
}
