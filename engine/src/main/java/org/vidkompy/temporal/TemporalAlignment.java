package org.vidkompy.temporal;

import org.vidkompy.media.FrameRange;
import java.util.List;

/**
 * Result: which bg frame goes under every fg frame.
 *
 * @param map             {@code map[i]} = 0-based bg frame under fg frame {@code i}; always a valid bg
 *                        index, non-decreasing except at jumps back (replays: the fg shows bg moments
 *                        again; see {@link org.vidkompy.media.TimeJump})
 * @param frameConfidence per fg frame in [0, 1]: 1 = picture-identical match, 0 = placed by extrapolation
 * @param confidence      mean of {@code frameConfidence}
 * @param unmatched       runs of fg frames with picture content found nowhere near the path in the bg
 *                        (other footage, fg running past the bg); they get the bg frame nearest in time,
 *                        extrapolated from the nearest matched frame at the frame-rate ratio
 * @param uninformative   runs of flat/black fg frames, placed the same way
 */
public record TemporalAlignment(int[] map, float[] frameConfidence, double confidence, List<FrameRange> unmatched,
                                List<FrameRange> uninformative) {

    public int unmatchedCount() {
        return unmatched.stream().mapToInt(FrameRange::length).sum();
    }

    /** How many fg frames are matched: neither unmatched nor uninformative. */
    public int matchedCount() {
        return matchedFrames().length;
    }

    /** Mean confidence of the matched frames (neither unmatched nor uninformative); 0 where none is. */
    public double matchedConfidence() {
        int[] m = matchedFrames();
        double sum = 0;
        for (int i : m) {
            sum += frameConfidence[i];
        }
        return m.length == 0 ? 0 : sum / m.length;
    }

    /** The fg frames matched (neither unmatched nor uninformative), in order. */
    public int[] matchedFrames() {
        boolean[] out = new boolean[map.length];
        unmatched.forEach(r -> java.util.Arrays.fill(out, r.first(), r.last() + 1, true));
        uninformative.forEach(r -> java.util.Arrays.fill(out, r.first(), r.last() + 1, true));
        return java.util.stream.IntStream.range(0, map.length).filter(i -> !out[i]).toArray();
    }
}
