package org.vidkompy.ofx.effect;

import org.vidkompy.io.MediaClip;
import org.vidkompy.media.Clip;
import org.vidkompy.ofx.image.ImageView;

/**
 * What an {@link OfxAnalyzer} may use while Analyze runs (inside InstanceChanged): the two clips'
 * shapes, their frames at any time, and progress with cancellation. Every method is a host call
 * and must run on the thread the host called InstanceChanged on. Each {@link Frame} must be closed
 * before the next few are fetched, so hosts can recycle memory.
 */
public interface AnalysisSession {

    /**
     * An input clip: the engine's {@link Clip} (width and height are the canonical size of its region
     * of definition) and where it lies on the host's timeline: frame {@code i} at effect time
     * {@code start + i}.
     */
    record HostClip(Clip clip, double start) {
        public double time(int index) {
            return start + index;
        }
    }

    HostClip foregroundClip();

    HostClip backgroundClip();

    /**
     * The background as a video file the engine reads itself (the "Background file" parameter), or
     * null when the background is the host's Background clip ({@link #backgroundClip()}, {@link #background}).
     */
    default MediaClip backgroundVideo() {
        return null;
    }

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
