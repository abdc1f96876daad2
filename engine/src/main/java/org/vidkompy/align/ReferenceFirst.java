package org.vidkompy.align;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.vidkompy.media.Clip;
import org.vidkompy.temporal.TemporalAlignment;

/**
 * When an analysis of the bg's reference frames alone (those other frames are predicted from: on the
 * 1080p benchmark bg 821 of 1440, decoded in 70 % of the CPU time of all) answers for every frame:
 * where the fg is the bg shifted by a whole number of frames, the frames between the reference frames
 * are that shift too, which is what an analysis of all frames finds.
 *
 * <p>The map of the reference frames puts every fg frame on one of them, most of them on a neighbour
 * of their moment; with non-reference frames up to three in a row, the frames around a reference
 * frame vote for up to four shifts equally often, and where the pictures barely tell neighbouring
 * moments apart the time prior leans on the held frames. So the map only says about which shift; the
 * pictures say which: every reference frame is compared with the fg frames at the shifts around it,
 * paired (each with the eleven fg frames around its moment, so what a frame shows weighs the same at
 * every shift). One shift must match clearly best over the clip, and (for the answer) no reference
 * frame may match clearly better at another shift or badly at this one: a frame dropped or doubled
 * anywhere, a cut, drift or another rate moves the shift of the reference frames after it. Those pairs
 * are left to the analysis of all frames.
 */
final class ReferenceFirst {

    /** fg and bg rates closer than this are one rate. */
    static final double SAME_RATE = 0.01;
    /** At least this many reference frames, and this share of the fg's frames, must show the shift. */
    static final int MIN_EXACT = 12;
    static final double MIN_EXACT_SHARE = 0.1;
    /**
     * Shifts either side of the map's commonest that are weighed against it: x264 puts up to three
     * B-frames between reference frames (more are rare), and the commonest shift of the map lies within
     * a run of them of the true one.
     */
    static final int SHIFTS_AROUND = 4;
    /**
     * The pictures prefer one shift to another when they match by this share of its cost better
     * there, and by {@link FineTimeRefiner#DECISIVE_MIN} a frame (as {@link FineTimeRefiner} decides
     * between the bg frames of one fg frame).
     */
    static final double CLEAR_SHARE = FineTimeRefiner.DECISIVE_SHARE;
    /**
     * A reference frame matches badly at a shift where its cost is above this many times the median
     * of all of them there, and above {@link #MISFIT_MIN} (as {@link TimeMatcher} picks frames to check
     * again).
     */
    static final double MISFIT_TIMES = 4;
    static final double MISFIT_MIN = 0.01;

    private ReferenceFirst() {
    }

    /**
     * Picture costs of every reference frame {@code k} against the fg frames {@code refs[k] - h}, for
     * the {@code shifts} shifts {@code h} from {@code low} on: {@code [s][k]}, NaN where there is none.
     */
    @FunctionalInterface
    interface PictureCosts {
        double[][] of(int low, int shifts);
    }

    /**
     * The longest bg looked at this way. Where the look does not answer, the analysis of all frames
     * follows it, and on a long bg that costs more than it can save: a 10-minute 1080p pair whose fg
     * lost frames at nine seams spent 37 s on the look and peaked at 606 MB RSS instead of 600 MB.
     */
    static final long MAX_FRAMES = 7200;

    /**
     * Only a pair of one frame rate can be a shift (the analysis also asks both clips for a constant
     * rate: a phone's or a screen capture's jittered or dropped frames are never one), only the default
     * search band means the same, and only a bg of at most {@link #MAX_FRAMES} frames is worth the look.
     */
    static boolean applies(Clip bg, Clip fg, AnalysisOptions options) {
        return options.window() == 0 && bg.fps() > 0 && fg.fps() > 0 && bg.frames() <= MAX_FRAMES
                && Math.abs(bg.fps() / fg.fps() - 1) < SAME_RATE;
    }

    /**
     * The shift (bg frame minus fg frame) the pictures choose around the one the reference frames' map
     * {@code t} says; null where none is clearly best, or where it lets the fg run past the bg.
     *
     * @param refs     file frame number of each reference frame, rising
     * @param bgFrames the bg's frame count
     * @param answer   whether it must also hold at every reference frame (not only over the clip: a
     *                 shift to place the fg by, at a placement still to be refined, need not)
     */
    static Integer shift(TemporalAlignment t, int[] refs, int bgFrames, boolean answer, PictureCosts cost) {
        int[] m = t.map();
        if (m.length == 0 || !t.unmatched().isEmpty()) {
            return null;
        }
        Integer common = commonShift(m, refs);
        return common == null ? null : shift(common, m.length, refs, bgFrames, answer, cost);
    }

    /** As {@link #shift(TemporalAlignment, int[], int, boolean, PictureCosts)} around shift {@code about}. */
    static Integer shift(int about, int n, int[] refs, int bgFrames, boolean answer, PictureCosts cost) {
        int low = about - SHIFTS_AROUND - 1;
        int shifts = 2 * SHIFTS_AROUND + 3; // one more either side, to weigh the outermost against
        // costs[s][k]: reference frame k against fg frame refs[k] - (low + s); NaN where there is none.
        double[][] costs = cost.of(low, shifts);
        double[] sums = new double[shifts];
        int counted = 0;
        for (int k = 0; k < refs.length; k++) {
            boolean all = true;
            for (int s = 0; s < shifts && all; s++) {
                all = !Double.isNaN(costs[s][k]);
            }
            if (!all) {
                continue; // near the fg's ends, or a flat frame
            }
            counted++;
            for (int s = 0; s < shifts; s++) {
                sums[s] += costs[s][k];
            }
        }
        if (counted < Math.max(MIN_EXACT, MIN_EXACT_SHARE * n)) {
            return null;
        }
        int best = 1;
        for (int s = 2; s < shifts - 1; s++) {
            if (sums[s] < sums[best]) {
                best = s;
            }
        }
        double margin = Math.max(CLEAR_SHARE * sums[best], FineTimeRefiner.DECISIVE_MIN * counted);
        if (sums[best - 1] - sums[best] < margin || sums[best + 1] - sums[best] < margin) {
            return null; // a still scene: every shift matches as well
        }
        int c = low + best;
        if (c < 0 || n - 1 + c >= bgFrames) {
            return null; // the fg runs past the bg: its ends are the full analysis' to place
        }
        return answer && !everywhere(costs, best) ? null : c;
    }

    /** Whether no reference frame matches badly at shift {@code best}, or clearly better at another. */
    private static boolean everywhere(double[][] costs, int best) {
        double[] at = costs[best];
        double[] known = Arrays.stream(at).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (known.length == 0) {
            return false;
        }
        double bad = Math.max(MISFIT_MIN, MISFIT_TIMES * known[known.length / 2]);
        for (int k = 0; k < at.length; k++) {
            double own = at[k];
            if (Double.isNaN(own)) {
                continue;
            }
            if (own > bad) {
                return false;
            }
            double clearly = Math.max(FineTimeRefiner.DECISIVE_MIN, CLEAR_SHARE * own);
            for (double[] other : costs) {
                if (other != at && own - other[k] >= clearly) {
                    return false; // NaN compares false: a shift without an fg frame here says nothing
                }
            }
        }
        return true;
    }

    /**
     * The reference frames' time alignment for every bg frame at shift {@code c}: fg frame {@code i}
     * over bg frame {@code i + c}.
     */
    static TemporalAlignment shifted(TemporalAlignment t, int[] refs, int c) {
        int[] m = t.map();
        int n = m.length;
        int[] map = new int[n];
        boolean[] exact = new boolean[n];
        for (int i = 0; i < n; i++) {
            map[i] = i + c;
            exact[i] = m[i] >= 0 && m[i] < refs.length && refs[m[i]] == i + c;
        }
        float[] conf = confidences(t.frameConfidence(), exact);
        double mean = 0;
        for (float f : conf) {
            mean += f;
        }
        return new TemporalAlignment(map, conf, n == 0 ? 0 : mean / n, t.unmatched(), t.uninformative());
    }

    /** The offset most fg frames lie at from the file frame they were put on; null where none. */
    private static Integer commonShift(int[] m, int[] refs) {
        Map<Integer, Integer> votes = new HashMap<>();
        for (int i = 0; i < m.length; i++) {
            if (m[i] < 0 || m[i] >= refs.length) {
                return null;
            }
            votes.merge(refs[m[i]] - i, 1, Integer::sum);
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * A frame put on its partner keeps its confidence; one whose partner was not decoded was held
     * against a neighbour, so it takes the lower of the nearest exact frames' on either side.
     */
    static float[] confidences(float[] c, boolean[] exact) {
        int n = c.length;
        float[] out = new float[n];
        float[] before = new float[n];
        float last = Float.NaN;
        for (int i = 0; i < n; i++) {
            if (exact[i]) {
                last = c[i];
            }
            before[i] = last;
        }
        last = Float.NaN;
        for (int i = n - 1; i >= 0; i--) {
            if (exact[i]) {
                last = c[i];
                out[i] = c[i];
                continue;
            }
            float a = before[i];
            float b = last;
            out[i] = Float.isNaN(a) ? (Float.isNaN(b) ? c[i] : b) : Float.isNaN(b) ? a : Math.min(a, b);
        }
        return out;
    }
}
