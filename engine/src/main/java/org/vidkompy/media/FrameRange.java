package org.vidkompy.media;

import java.util.ArrayList;
import java.util.List;

/** A run of frames, {@code first..last} inclusive, 0-based. */
public record FrameRange(int first, int last) {

    public FrameRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad frame range " + first + ".." + last);
        }
    }

    public int length() {
        return last - first + 1;
    }

    /** The maximal runs of {@code true} in {@code flags}. */
    public static List<FrameRange> runsOf(boolean[] flags) {
        List<FrameRange> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= flags.length; i++) {
            boolean on = i < flags.length && flags[i];
            if (on && start < 0) {
                start = i;
            } else if (!on && start >= 0) {
                runs.add(new FrameRange(start, i - 1));
                start = -1;
            }
        }
        return List.copyOf(runs);
    }
}
