package org.vidkompy.temporal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Follows backward jumps (replays: an edit that shows bg moments again) that the monotone alignment
 * cannot take. The monotone path bends around a replay, so the fg frames near it match badly along
 * the path; each run of such frames is aligned again on its own against the whole bg, and the parts
 * of it that match well there (and better than before) replace the path. The result is piecewise
 * monotone, with backward (or forward) jumps where the accepted parts begin and end.
 *
 * <p>A run that itself spans a replay comes back half right (its own alignment is monotone again),
 * the other half stays bad and is taken in the next round; or it comes back bent once more, and its
 * halves are aligned apart. Last, the pieces' ends are mended frame by frame from the nearest
 * well-matched frames (the stall before a jump is a few frames off, not bad). Cheap: only bad runs are re-aligned, each
 * run once, and memory stays O(fg frames) plus what one alignment of the run needs. One instance per
 * alignment: it counts its work.
 */
final class ReplayFinder {

    /** Fewer frames than this do not make a replay (noise, a single odd frame). */
    static final int MIN_RUN = 4;
    /** Good frames inside a bent stretch (accidental matches) that still join two bad runs. */
    static final int BRIDGE = 2;
    /** Re-alignment rounds; each takes what the previous one left (a run spanning a replay takes two). */
    static final int MAX_ROUNDS = 4;
    /**
     * Work bounds, whatever the footage (an fg that is mostly other footage is bad everywhere): parts
     * aligned in all, and their frames in all as a multiple of the fg's, so finding replays never costs
     * more than a few alignments of the whole fg.
     */
    static final int MAX_PARTS = 256;
    static final int MAX_WORK = 4;

    /** "Bad" is this many bg frames' worth of typical change above the clip's median cost. */
    static final float BAD_MOTIONS = 6f;
    /** ... and at least this much, for footage that barely moves. */
    static final float BAD_FLOOR = 0.03f;

    /** The monotone alignment of a part of the fg (its frames, in order) against the whole bg. */
    interface PartAligner {
        int[] align(DescriptorSequence part);
    }

    private final BandCostKernel kernel;
    /** Parts and part frames still allowed in this {@link #follow} call. */
    private int partsLeft;
    private long framesLeft;

    ReplayFinder(BandCostKernel kernel) {
        this.kernel = kernel;
    }

    /**
     * @param path    monotone path in bg columns (virtual columns allowed); not modified
     * @param motion  the bg's typical frame-to-frame change ({@link MotionScale})
     * @param maxStep largest ordinary bg step per fg frame
     * @param matched a frame costing this or more is not placed by its picture (the unmatched threshold)
     * @return the path with replays followed (the same array when nothing changed)
     */
    int[] follow(DescriptorSequence fg, DescriptorSequence bg, int[] path, float motion, int maxStep, float matched,
                 PartAligner aligner) {
        int n = fg.size();
        if (n < 2 * MIN_RUN || bg.size() < 2) {
            return path;
        }
        NeighbourRefiner costs = new NeighbourRefiner(kernel);
        float[] cost = new float[n];
        costs.costs(fg, bg, path, cost);
        // Frames count as placed only below the unmatched threshold too: where most of the fg is
        // other footage the clip's median is high, and a random near-match must not move a frame.
        float bad = Math.min(threshold(fg, cost, motion), matched);
        if (Float.isNaN(bad)) {
            return path; // nothing matched anywhere: there is no path to correct
        }
        int[] out = path.clone();
        Set<Long> tried = new HashSet<>();
        partsLeft = MAX_PARTS;
        framesLeft = (long) MAX_WORK * n;
        boolean any = false;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round > 0) {
                costs.costs(fg, bg, out, cost);
            }
            boolean changed = false;
            for (int[] run : badRuns(fg, cost, bad)) {
                int a = run[0];
                int b = run[1];
                if (!tried.add(((long) a << 32) | b)) {
                    continue;
                }
                changed |= realign(fg, bg, out, cost, a, b, bad, maxStep, motion / 2, aligner, costs);
            }
            any |= changed;
            if (!changed) {
                break;
            }
        }
        if (any) {
            mend(fg, bg, out, cost, bad, good(fg, cost, motion), maxStep, motion / 2, costs);
        }
        return any ? out : path;
    }

    /**
     * The cost above which a frame is bad: well above what the clip's matched frames typically cost,
     * NaN when no frame has a cost at all.
     */
    static float threshold(DescriptorSequence fg, float[] cost, float motion) {
        float median = median(fg, cost);
        return Math.max(Math.max(2 * median, median + BAD_MOTIONS * motion), BAD_FLOOR); // NaN stays NaN
    }

    /** The cost below which a frame matches well: the clip's median plus a frame of typical change. */
    private static float good(DescriptorSequence fg, float[] cost, float motion) {
        float median = median(fg, cost);
        return Float.isNaN(median) ? 0f : median + motion;
    }

    /** Median cost of the informative frames that have one; NaN when none has. */
    private static float median(DescriptorSequence fg, float[] cost) {
        float[] c = new float[cost.length];
        int k = 0;
        for (int i = 0; i < cost.length; i++) {
            if (!fg.isUninformative(i) && !Float.isNaN(cost[i])) {
                c[k++] = cost[i];
            }
        }
        if (k == 0) {
            return Float.NaN;
        }
        Arrays.sort(c, 0, k);
        return c[k / 2];
    }

    /** Runs {a, b} of informative frames that match badly (or sit on virtual bg), short good gaps bridged. */
    static java.util.List<int[]> badRuns(DescriptorSequence fg, float[] cost, float bad) {
        int n = cost.length;
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        int start = -1;
        int lastBad = -1;
        for (int i = 0; i <= n; i++) {
            boolean isBad = i < n && !fg.isUninformative(i) && !(cost[i] < bad); // NaN: bad
            boolean isGood = i < n && !isBad && !fg.isUninformative(i);
            if (isBad) {
                if (start < 0) {
                    start = i;
                }
                lastBad = i;
            } else if (start >= 0 && (i == n || (isGood && i - lastBad > BRIDGE))) {
                if (lastBad - start + 1 >= MIN_RUN) {
                    runs.add(new int[] {start, lastBad});
                }
                start = -1;
            }
        }
        return runs;
    }

    /** Aligns frames {@code a..b} on their own; takes the parts that match well and better. */
    private boolean realign(DescriptorSequence fg, DescriptorSequence bg, int[] out, float[] cost, int a, int b,
                            float bad, int maxStep, float margin, PartAligner aligner,
                            NeighbourRefiner costs) {
        int len = b - a + 1;
        int[] idx = new int[len];
        for (int k = 0; k < len; k++) {
            idx[k] = a + k;
        }
        if (partsLeft <= 0 || framesLeft < len) {
            return false;
        }
        partsLeft--;
        framesLeft -= len;
        DescriptorSequence part = fg.resampled(idx);
        int[] sub = aligner.align(part);
        float[] subCost = new float[len];
        costs.costs(part, bg, sub, subCost);
        boolean[] better = new boolean[len];
        for (int k = 0; k < len; k++) {
            float c = subCost[k];
            float old = cost[a + k];
            better[k] = c < bad && (Float.isNaN(old) || c < old); // NaN c: never better
        }
        boolean changed = false;
        for (org.vidkompy.media.FrameRange r : org.vidkompy.media.FrameRange.runsOf(better)) {
            if (r.length() < MIN_RUN) {
                continue;
            }
            for (int k = r.first(); k <= r.last(); k++) {
                out[a + k] = sub[k];
                cost[a + k] = subCost[k];
            }
            grow(fg, bg, out, cost, a + r.first(), a + r.last(), maxStep, margin);
            changed = true;
        }
        if (!changed && len >= 2 * MIN_RUN) {
            // A run whose halves lie on either side of a jump back can come back bent once more (a
            // compromise costs less than leaving one half unmatched): its halves are aligned apart.
            int mid = a + len / 2;
            changed = realign(fg, bg, out, cost, a, mid - 1, bad, maxStep, margin, aligner, costs);
            changed |= realign(fg, bg, out, cost, mid, b, bad, maxStep, margin, aligner, costs);
        }
        return changed;
    }

    /**
     * What the rounds left at the pieces' ends: bad frames too few to align on their own (the tail of a
     * run that spanned a jump), and the stretch where the old path stalled before it (frames a few bg
     * frames off are not bad, yet wrong). From the nearest well-matched frame on either side, each
     * piece is continued frame by frame into the run for as long as its continuation fits better.
     */
    private void mend(DescriptorSequence fg, DescriptorSequence bg, int[] out, float[] cost, float bad, float good,
                      int maxStep, float margin, NeighbourRefiner costs) {
        costs.costs(fg, bg, out, cost);
        int n = out.length;
        int nbg = bg.size();
        for (int a = 0; a < n; a++) {
            if (fg.isUninformative(a) || cost[a] < bad) {
                continue;
            }
            int b = a;
            while (b + 1 < n && (fg.isUninformative(b + 1) || !(cost[b + 1] < bad))) {
                b++;
            }
            int right = b + 1;
            while (right < n && !(cost[right] < good)) {
                right++;
            }
            for (int i = right - 1; i >= 0 && right < n; i--) {
                int hi = out[i + 1];
                if (!take(fg, bg, out, cost, i, Math.max(0, hi - maxStep), Math.min(nbg - 1, hi), margin)) {
                    break;
                }
            }
            int left = a - 1;
            while (left >= 0 && !(cost[left] < good)) {
                left--;
            }
            for (int i = left + 1; i < n && left >= 0; i++) {
                int lo = out[i - 1];
                if (!take(fg, bg, out, cost, i, Math.max(0, lo), Math.min(nbg - 1, lo + maxStep), margin)) {
                    break;
                }
            }
            a = b;
        }
    }

    /**
     * Extends an accepted piece {@code from..to} frame by frame into its neighbours while its
     * continuation (a step of 0..maxStep) matches them better than their current place: the run's
     * ends are only as exact as the bad-cost test, and a frame one or two off is not bad.
     */
    private void grow(DescriptorSequence fg, DescriptorSequence bg, int[] out, float[] cost, int from, int to,
                      int maxStep, float margin) {
        int nbg = bg.size();
        for (int i = from - 1; i >= 0; i--) {
            int hi = out[i + 1];
            if (!take(fg, bg, out, cost, i, Math.max(0, hi - maxStep), Math.min(nbg - 1, hi), margin)) {
                break;
            }
        }
        for (int i = to + 1; i < out.length; i++) {
            int lo = out[i - 1];
            if (!take(fg, bg, out, cost, i, Math.max(0, lo), Math.min(nbg - 1, lo + maxStep), margin)) {
                break;
            }
        }
    }

    /**
     * Moves frame {@code i} to its best bg frame in {@code lo..hi} if that beats its place by more
     * than {@code margin} (a frame of typical change: noise must not flip a still frame across).
     */
    private boolean take(DescriptorSequence fg, DescriptorSequence bg, int[] out, float[] cost, int i, int lo,
                         int hi, float margin) {
        if (lo > hi || fg.isUninformative(i)) {
            return false;
        }
        float[] c = new float[hi - lo + 1];
        kernel.fill(fg.resampled(new int[] {i}), bg, new Band(new int[] {lo}, new int[] {hi}), 0, 1, c);
        int best = -1;
        for (int k = 0; k < c.length; k++) {
            if (c[k] < (best < 0 ? Float.POSITIVE_INFINITY : c[best])) { // NaN never wins
                best = k;
            }
        }
        if (best < 0 || !(Float.isNaN(cost[i]) || c[best] < cost[i] - margin)) {
            return false;
        }
        out[i] = lo + best;
        cost[i] = c[best];
        return true;
    }
}
