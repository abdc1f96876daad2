package org.vidkompy.synth;

import org.vidkompy.io.Rational;

/**
 * Explicit presentation timestamps of every fg frame, for a variable-frame-rate fg (screen or phone
 * capture): frame {@code j} is shown from {@code pts[j] * timeBase} seconds after the fg's start.
 * A spec without them writes frame {@code j} at {@code j / fgFps}.
 */
public record FgTimes(Rational timeBase, long[] pts) {

    public FgTimes {
        for (int j = 1; j < pts.length; j++) {
            if (pts[j] <= pts[j - 1]) {
                throw new IllegalArgumentException("fg timestamps must rise: " + pts[j - 1] + " then " + pts[j]);
            }
        }
    }

    public double seconds(int j) {
        return pts[j] * timeBase.toDouble();
    }
}
