package org.vidkompy.ofx.effect;

import org.vidkompy.ofx.image.ImageView;

/**
 * What an {@link OfxAnalyzer} may use while Analyze runs (inside InstanceChanged, on the host's
 * thread): the two clips' frames at any time, and progress with cancellation. Frames come at
 * render scale 1 from {@code clipGetImage}; each {@link Frame} must be closed before the next few
 * are fetched, so hosts can recycle memory.
 */
public interface AnalysisSession {
    /** First and last frame of the foreground (Source) clip, in effect time. */
    double[] foregroundRange();

    /** First and last frame of the Background clip, in effect time. */
    double[] backgroundRange();

    /** Canonical regions of definition {x1, y1, x2, y2}. */
    double[] foregroundRegion();

    double[] backgroundRegion();

    Frame foreground(double time);

    Frame background(double time);

    /**
     * Reports progress in 0..1.
     *
     * @return false once the user has asked to cancel; the analyzer should then stop and return empty
     */
    boolean progress(double fraction);

    /** A fetched host image; close releases it. */
    interface Frame extends AutoCloseable {
        double time();

        ImageView image();

        @Override
        void close();
    }
}
