package org.vidkompy.io;

/**
 * The presentation timestamp of every video frame, from the probe's demux pass (no decoding): what an
 * exact {@link FrameReader#seek(double, int)} to a frame index needs when the frame rate is
 * variable or not to be trusted. Values are relative to the stream start, like
 * {@link FrameReader#pts()}.
 */
public final class FrameTimes {

    private final long[] pts;
    private final Rational timeBase;

    private FrameTimes(long[] pts, Rational timeBase) {
        this.pts = pts;
        this.timeBase = timeBase;
    }

    /** {@code pts} in presentation order, relative to the stream start, in {@code timeBase}. */
    public static FrameTimes of(long[] pts, Rational timeBase) {
        return new FrameTimes(pts, timeBase);
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
