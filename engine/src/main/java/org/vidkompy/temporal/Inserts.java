package org.vidkompy.temporal;

import org.vidkompy.media.FrameRange;

/**
 * Runs of fg frames with no place in the bg, long enough to be an editor's insert: a black slug, a
 * flash, a fade to black and back (frames without a picture), a slate or other footage (pictures found
 * nowhere near the path). Across one the bg may have stopped (the bg goes on where it left off), run on
 * (the insert covers footage, or both clips faded) or cut to another moment; nothing in the run says
 * which, so time is followed on either side of it on its own. Shorter runs (a dark frame or two inside
 * a scene) are crossed at the measured rate.
 */
public final class Inserts {

    /** The shortest run taken for an insert, in seconds; at least {@link #MIN_FRAMES} frames. */
    static final double MIN_SECONDS = 0.2;
    static final int MIN_FRAMES = 3;

    private Inserts() {
    }

    /** The shortest run taken for an insert at {@code fps}. */
    static int minFrames(double fps) {
        return Math.max(MIN_FRAMES, (int) Math.round(MIN_SECONDS * fps));
    }

    /** The frames of {@code placeless} that lie in runs at least {@link #minFrames} long. */
    public static boolean[] of(boolean[] placeless, double fps) {
        int min = minFrames(fps);
        boolean[] out = new boolean[placeless.length];
        for (FrameRange run : FrameRange.runsOf(placeless)) {
            if (run.length() >= min) {
                java.util.Arrays.fill(out, run.first(), run.last() + 1, true);
            }
        }
        return out;
    }

    /** The inserts among {@code alignment}'s uninformative and unmatched frames, per frame. */
    public static boolean[] of(TemporalAlignment alignment, double fps) {
        boolean[] placeless = new boolean[alignment.map().length];
        alignment.uninformative().forEach(r -> java.util.Arrays.fill(placeless, r.first(), r.last() + 1, true));
        alignment.unmatched().forEach(r -> java.util.Arrays.fill(placeless, r.first(), r.last() + 1, true));
        return of(placeless, fps);
    }
}
