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

    private FrameTimes(long[] pts, Rational timeBase, int[] keys) {
        this.pts = pts;
        this.timeBase = timeBase;
        this.keys = keys;
    }

    /** {@code pts} in presentation order, relative to the stream start, in {@code timeBase}. */
    public static FrameTimes of(long[] pts, Rational timeBase) {
        return new FrameTimes(pts, timeBase, NONE);
    }

    /**
     * As {@link #of(long[], Rational)}, with the indices of the key frames (rising): frames a decode
     * can start at.
     */
    public static FrameTimes of(long[] pts, Rational timeBase, int[] keys) {
        return new FrameTimes(pts, timeBase, keys.clone());
    }

    /** Indices of the key frames, rising; empty where they are not known. */
    public int[] keys() {
        return keys.clone();
    }

    public int count() {
        return pts.length;
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
