package org.vidkompy.align;

import java.util.Arrays;
import org.vidkompy.temporal.TemporalAlignment;
import org.vidkompy.temporal.TimeLine;

/**
 * Whether a map runs as the clips' timestamps do: every matched fg frame on the bg frame at its own
 * time plus one offset. Over a camera move, a place along the move fits the pictures nearly as well as
 * the truth with a time that bends to follow the camera's changing speed (a 120x60 fg shrunk from a
 * crop of a real tilt: 2 px off, its map 1 to 3 frames late across the clip). Edited clips bend too (a
 * retime, a ramp, cuts), but there the time matched at the place a straight map leads to bends again,
 * which tells them apart.
 */
final class StraightTime {

    /** A matched frame within this many bg frames of the line is on it: rounding to whole frames leaves half of one. */
    static final double TOLERANCE = 0.6;
    /** A map with fewer of its matched frames on the line than this share is bent. */
    static final double BENT = 0.8;
    /** A map with at least this share on the line is straight. */
    static final double STRAIGHT = 0.9;
    /** Matched frames needed to judge at all. */
    static final int MIN_FRAMES = 12;

    private StraightTime() {
    }

    /**
     * The share of {@code t}'s matched frames on the line through their median time offset; 1 where
     * too few are matched to judge.
     *
     * @param fgTimes every fg frame's presentation time, seconds
     * @param bgTimes every bg frame's, ascending
     */
    static double share(TemporalAlignment t, double[] fgTimes, double[] bgTimes) {
        int[] matched = t.matchedFrames();
        if (matched.length < MIN_FRAMES || bgTimes.length < 2) {
            return 1;
        }
        double offset = offset(t, matched, fgTimes, bgTimes);
        TimeLine line = new TimeLine(bgTimes);
        int on = 0;
        for (int i : matched) {
            on += Math.abs(line.position(fgTimes[i] + offset) - t.map()[i]) <= TOLERANCE ? 1 : 0;
        }
        return (double) on / matched.length;
    }

    /** {@code t} with every matched frame moved onto that line (the others as they were). */
    static TemporalAlignment straightened(TemporalAlignment t, double[] fgTimes, double[] bgTimes) {
        return straightened(t, fgTimes, bgTimes, 0);
    }

    /** {@code t} with every matched frame moved onto that line, {@code later} bg frames on. */
    static TemporalAlignment straightened(TemporalAlignment t, double[] fgTimes, double[] bgTimes, int later) {
        return onLine(t, fgTimes, bgTimes, offset(t, t.matchedFrames(), fgTimes, bgTimes), later);
    }

    /**
     * {@code t} with every matched frame moved onto the line of time {@code offset} (bg time minus fg
     * time, seconds), {@code later} bg frames on.
     */
    static TemporalAlignment onLine(TemporalAlignment t, double[] fgTimes, double[] bgTimes, double offset,
                                    int later) {
        int[] matched = t.matchedFrames();
        TimeLine line = new TimeLine(bgTimes);
        int[] map = t.map().clone();
        for (int i : matched) {
            map[i] = (int) Math.max(0, Math.min(bgTimes.length - 1,
                    Math.round(line.position(fgTimes[i] + offset)) + later));
        }
        return new TemporalAlignment(map, t.frameConfidence(), t.confidence(), t.unmatched(), t.uninformative());
    }

    /** The median of {@code t}'s matched frames' time offsets (bg time minus fg time), seconds; 0 where none. */
    static double offset(TemporalAlignment t, double[] fgTimes, double[] bgTimes) {
        int[] matched = t.matchedFrames();
        return matched.length == 0 ? 0 : offset(t, matched, fgTimes, bgTimes);
    }

    /** The median of the matched frames' time offsets (bg time minus fg time), seconds. */
    private static double offset(TemporalAlignment t, int[] matched, double[] fgTimes, double[] bgTimes) {
        double[] d = new double[matched.length];
        for (int k = 0; k < matched.length; k++) {
            int i = matched[k];
            d[k] = bgTimes[Math.max(0, Math.min(bgTimes.length - 1, t.map()[i]))] - fgTimes[i];
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }
}
