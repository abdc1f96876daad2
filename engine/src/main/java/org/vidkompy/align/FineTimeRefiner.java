package org.vidkompy.align;

import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.Plane;
import org.vidkompy.image.ToneCurve;

/**
 * The last word on time: for every fg frame, the bg frame under it is re-chosen among its
 * neighbours on the coarse path by comparing larger thumbnails (ZNCC), where a moving object's few
 * pixels per frame are visible and 1-frame differences that the 16x16 descriptors blur away become
 * measurable. A small Viterbi over the candidates keeps the result monotone (but for the coarse path's
 * jumps back, replays, which it takes like cuts) and follows the coarse
 * path's steps where the pictures do not tell frames apart (identical frames, black frames).
 *
 * <p>bg thumbnails are cut from the stored bg thumbnails at the footprint, in a sliding window that
 * follows the path, so memory stays proportional to the window.
 */
final class FineTimeRefiner {

    /** How far (in bg frames) either side of the coarse path the refinement looks. */
    static final int RADIUS = 3;
    /**
     * Cost of a step that differs by one frame from the coarse path's step: an isolated one-frame
     * flip costs twice this, more than compression noise can win on one frame (about 0.005 of ZNCC at
     * crf 35), while a run of frames that is truly one frame off pays it back within two or three frames.
     */
    static final double STEP_PENALTY = 0.01;

    private final ThumbnailStore fgStore;
    private final ThumbnailStore bgStore;
    private final AreaSampler bgCut;
    private final int w;
    private final int h;
    /** The fg's levels mapped onto the bg's grade before comparing. */
    private final ToneCurve tone;
    /** Pixels compared (border mode), or null for all. */
    private final boolean[] mask;

    /**
     * @param fgStore fg content thumbnails of every frame (w x h)
     * @param bgStore whole-frame bg thumbnails of every frame
     * @param bgCut   cuts the footprint out of a bg store frame at w x h
     * @param mask    the pixels to compare (border mode), or null for all
     * @param tone    maps the fg's levels onto the bg's grade
     */
    FineTimeRefiner(ThumbnailStore fgStore, ThumbnailStore bgStore, AreaSampler bgCut, boolean[] mask,
                    ToneCurve tone) {
        this.mask = mask;
        this.tone = tone;
        this.fgStore = fgStore;
        this.bgStore = bgStore;
        this.bgCut = bgCut;
        this.w = fgStore.width();
        this.h = fgStore.height();
    }

    /** Half-window, in fg frames, over which the coarse path's local rate is measured. */
    static final int RATE_WINDOW = 12;

    /**
     * The step each transition is expected to take: the coarse path's local rate (fractional, so a
     * repeated or skipped frame costs the same wherever it falls and the pictures decide where), or,
     * across a cut of the coarse path, that cut's jump.
     *
     * @param bgPerFg nominal bg frames per fg frame; steps beyond it by more than 2 are cuts
     */
    static double[] expectedSteps(int[] map, double bgPerFg) {
        int n = map.length;
        double[] out = new double[n];
        int maxStep = (int) Math.ceil(bgPerFg) + 2;
        double[] prefix = new double[n + 1];
        int[] counts = new int[n + 1];
        for (int i = 1; i < n; i++) {
            int d = map[i] - map[i - 1];
            boolean cut = d > maxStep || d < 0;
            prefix[i + 1] = prefix[i] + (cut ? 0 : d);
            counts[i + 1] = counts[i] + (cut ? 0 : 1);
        }
        for (int i = 1; i < n; i++) {
            int d = map[i] - map[i - 1];
            if (d > maxStep || d < 0) {
                out[i] = d;
                continue;
            }
            int a = Math.max(1, i - RATE_WINDOW);
            int b = Math.min(n - 1, i + RATE_WINDOW);
            int c = counts[b + 1] - counts[a];
            out[i] = c > 0 ? (prefix[b + 1] - prefix[a]) / c : d;
        }
        return out;
    }

    /**
     * Cost per bg frame by which a candidate lies from the moment the timestamps put the fg frame at,
     * at least: small next to what one frame of motion changes in clean pictures, so the pictures
     * decide where they can; where they cannot (several fg frames per bg frame, a still or slow
     * stretch, heavy noise) the bg frame nearest in time wins. Noisier pictures raise it
     * ({@link #TIME_WEIGHT_PER_COST}).
     */
    static final double TIME_WEIGHT = 0.004;
    /** The time weight is at least this share of the clip's median best picture cost (its noise). */
    static final double TIME_WEIGHT_PER_COST = 0.3;
    /**
     * A frame's pictures decide when its best candidate beats every other by this share of its own
     * cost (compression noise grows with the cost), and by {@link #DECISIVE_MIN} at least.
     */
    static final double DECISIVE_SHARE = 0.25;
    static final double DECISIVE_MIN = 0.0005;

    /**
     * Picture costs (1 - ZNCC on the fine thumbnails) of every fg frame against the bg frames within
     * {@link #RADIUS} of the coarse path, computed once for every choice made from them.
     */
    final class Costs {
        final int[] map;
        final int states = 2 * RADIUS + 1;
        final float[] cost;
        final boolean[] informative;

        /** @param known costs around another path: rows whose window is the same are taken from it */
        private Costs(int[] map, Costs known) {
            this.map = map.clone();
            int n = map.length;
            cost = new float[n * states];
            informative = new boolean[n];
            ParallelRanges.run(n, (part, from, to) -> fill(from, to, known));
        }

        /** Rows {@code from..to}: each range with its own window and scratch, writing its own rows. */
        private void fill(int from, int to, Costs known) {
            int nbg = bgStore.size();
            BgWindow window = new BgWindow(bgCut.twin());
            float[] fgVec = new float[w * h];
            Plane fgPlane = new Plane(w, h, new float[w * h]);
            for (int i = from; i < to; i++) {
                if (known != null && known.map[i] == map[i]) {
                    informative[i] = known.informative[i];
                    System.arraycopy(known.cost, i * states, cost, i * states, states);
                    continue;
                }
                informative[i] = normalise(fgStore, i, fgPlane, fgVec);
                for (int s = 0; s < states; s++) {
                    float c = 0;
                    if (informative[i]) {
                        float[] b = window.get(clamp(map[i] + s - RADIUS, nbg));
                        c = b == null ? 1 : 1 - dot(fgVec, b) / fgVec.length;
                    }
                    cost[i * states + s] = c;
                }
                window.release(map[i] - RADIUS - 1);
            }
        }

        int bg(int i, int s) {
            return clamp(map[i] + s - RADIUS, bgStore.size());
        }

        /** The picture costs of {@code chosen} (a choice from this table), summed over the clip. */
        double picked(int[] chosen) {
            double sum = 0;
            for (int i = 0; i < map.length; i++) {
                sum += costOf(i, chosen[i]);
            }
            return sum;
        }

        /** The picture cost of bg frame {@code j} for fg frame {@code i}; NaN outside the window. */
        float costOf(int i, int j) {
            int s = j - map[i] + RADIUS;
            return s < 0 || s >= states || bg(i, s) != j ? Float.NaN : cost[i * states + s];
        }

        /** The least picture cost in fg frame {@code i}'s window. */
        float bestCost(int i) {
            return cost[i * states + argmin(i)];
        }

        /** The bg frame the pictures alone prefer for every fg frame. */
        int[] best() {
            int[] out = new int[map.length];
            for (int i = 0; i < map.length; i++) {
                out[i] = bg(i, argmin(i));
            }
            return out;
        }

        /** Which frames the pictures place by themselves: one candidate clearly beats all others. */
        boolean[] decisive() {
            boolean[] out = new boolean[map.length];
            for (int i = 0; i < map.length; i++) {
                if (!informative[i]) {
                    continue;
                }
                if (atWindowEdge(i, argmin(i))) {
                    continue; // the true best may lie beyond the window
                }
                out[i] = gap(i) >= margin(i);
            }
            return out;
        }

        /** By how much frame {@code i}'s best candidate beats the best other bg frame. */
        double gap(int i) {
            int a = argmin(i);
            double second = Double.MAX_VALUE;
            for (int s = 0; s < states; s++) {
                if (bg(i, s) != bg(i, a)) {
                    second = Math.min(second, cost[i * states + s]);
                }
            }
            return second - cost[i * states + a];
        }

        /** By how much frame {@code i}'s best candidate must beat the others to decide by itself. */
        double margin(int i) {
            return Math.max(DECISIVE_MIN, DECISIVE_SHARE * cost[i * states + argmin(i)]);
        }

        /**
         * For every fg frame, the run of candidates around its best that its pictures cannot tell from
         * the best (as {@link #decisive} judges); the whole window for a flat picture.
         */
        Alike alike() {
            int n = map.length;
            Alike out = new Alike(new int[n], new int[n]);
            for (int i = 0; i < n; i++) {
                if (!informative[i]) {
                    out.first()[i] = bg(i, 0);
                    out.last()[i] = bg(i, states - 1);
                    continue;
                }
                int a = argmin(i);
                float best = cost[i * states + a];
                double tie = best + margin(i);
                int first = a;
                while (first > 0 && cost[i * states + first - 1] < tie) {
                    first--;
                }
                int last = a;
                while (last < states - 1 && cost[i * states + last + 1] < tie) {
                    last++;
                }
                // A run that reaches the window's edge may go on beyond it: the pictures have not said
                // where it ends, so that side is open. Closed at the edge, a title card held past the
                // window (bg frames 67-76 dB apart, the fg's own coding noise larger) disagreed with
                // the clip's one line and left 24 frames on a local fit up to 8 frames off.
                out.first()[i] = first == 0 && atWindowEdge(i, 0) ? 0 : bg(i, first);
                out.last()[i] = last == states - 1 && atWindowEdge(i, states - 1) ? bgStore.size() - 1 : bg(i, last);
            }
            return out;
        }

        /** The time weight for these pictures: {@link #TIME_WEIGHT}, or more where they are noisy. */
        double timeWeight() {
            float[] bests = new float[map.length];
            int k = 0;
            for (int i = 0; i < map.length; i++) {
                if (informative[i]) {
                    bests[k++] = cost[i * states + argmin(i)];
                }
            }
            if (k == 0) {
                return TIME_WEIGHT;
            }
            java.util.Arrays.sort(bests, 0, k);
            return Math.max(TIME_WEIGHT, TIME_WEIGHT_PER_COST * bests[k / 2]);
        }

        /** Whether candidate {@code s} is the window's first or last while the bg goes on beyond it. */
        private boolean atWindowEdge(int i, int s) {
            int j = bg(i, s);
            return (s == 0 && j > 0) || (s == states - 1 && j < bgStore.size() - 1);
        }

        private int argmin(int i) {
            int a = 0;
            for (int s = 1; s < states; s++) {
                if (cost[i * states + s] < cost[i * states + a]) {
                    a = s;
                }
            }
            return a;
        }
    }

    /** Per fg frame, the first and last bg frame its pictures cannot tell apart. */
    record Alike(int[] first, int[] last) {
    }

    /**
     * Frames {@code frames}' least costs against the bg frames within {@code reach} of {@code map}'s moved on
     * by {@code shift}, summed; a flat fg frame counts nothing, a flat bg frame as no match. Cutting the bg
     * footprints is what this costs (each cut area-samples it), so consecutive frames, which share their
     * cuts, are cheapest.
     */
    double leastCost(int[] map, int[] frames, int shift, int reach) {
        double[] sums = new double[ParallelRanges.count(frames.length)];
        ParallelRanges.run(frames.length,
                (part, from, to) -> sums[part] = leastCost(map, frames, from, to, shift, reach));
        double sum = 0;
        for (double s : sums) {
            sum += s;
        }
        return sum;
    }

    /**
     * Every bg frame {@code k} against the fg frames {@code files[k] - h} for the shifts {@code h} from
     * {@code low} on ({@code shifts} of them): {@code out[s][k]}, NaN where there is no such fg frame or
     * either picture is flat. Each bg frame is cut once for all the shifts.
     */
    double[][] shiftCosts(int[] files, int low, int shifts, int fgFrames) {
        double[][] out = new double[shifts][files.length];
        for (double[] row : out) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        ParallelRanges.run(files.length, (part, from, to) -> {
            BgWindow window = new BgWindow(bgCut.twin());
            float[] fgVec = new float[w * h];
            Plane fgPlane = new Plane(w, h, new float[w * h]);
            for (int k = from; k < to; k++) {
                float[] b = window.get(k);
                window.release(k);
                for (int s = 0; s < shifts && b != null; s++) {
                    int i = files[k] - (low + s);
                    if (i >= 0 && i < fgFrames && normalise(fgStore, i, fgPlane, fgVec)) {
                        out[s][k] = 1 - dot(fgVec, b) / fgVec.length;
                    }
                }
            }
        });
        return out;
    }

    /** {@link #leastCost} over {@code frames[from..to]}, with its own window. */
    private double leastCost(int[] map, int[] frames, int from, int to, int shift, int reach) {
        int nbg = bgStore.size();
        BgWindow window = new BgWindow(bgCut.twin());
        float[] fgVec = new float[w * h];
        Plane fgPlane = new Plane(w, h, new float[w * h]);
        double sum = 0;
        for (int r = from; r < to; r++) {
            int i = frames[r];
            if (!normalise(fgStore, i, fgPlane, fgVec)) {
                continue;
            }
            int centre = map[i] + shift;
            double least = 1;
            for (int d = -reach; d <= reach; d++) {
                float[] b = window.get(clamp(centre + d, nbg));
                if (b != null) {
                    least = Math.min(least, 1 - dot(fgVec, b) / fgVec.length);
                }
            }
            sum += least;
            window.release(centre - reach);
        }
        return sum;
    }

    /** The picture costs around the coarse path {@code map}. */
    Costs costs(int[] map) {
        return new Costs(map, null);
    }

    /** The picture costs around {@code map}, reusing {@code known}'s where the window did not move. */
    Costs costs(int[] map, Costs known) {
        return new Costs(map, known);
    }

    /**
     * The choice from the pictures and the step prior alone, where no time curve is known yet;
     * {@code open} as in {@link TimeMatcher.Curve#open}.
     */
    int[] choose(Costs table, double bgPerFg, boolean[] open) {
        double[] none = new double[table.map.length];
        java.util.Arrays.fill(none, Double.NaN);
        return choose(table, bgPerFg, new TimeMatcher.Curve(none, new boolean[none.length], open));
    }

    /**
     * On a firm curve, the time cost per bg frame is a frame's own decisive margin ({@link Costs#margin})
     * over this: pictures that beat the bg frame nearest the moment by just that margin may pick the
     * other one only where the moment lies within a tenth of a frame of halfway.
     */
    static final double FIRM_REACH = 0.2;

    /**
     * Off a firm curve, a frame whose pictures decided weighs time per bg frame at most this share of
     * its pictures' lead over the next bg frame: a curve that is not firm can be a frame off (at a speed
     * step, the side before it read on past it) and must not move such a frame by one.
     */
    static final double DECISIVE_OVER_TIME = 0.5;

    /** Cost per bg frame off its window's centre of a frame in an insert: only breaks ties. */
    static final double OPEN_TIE = 1e-9;

    /**
     * The monotone choice among the candidates: picture costs, plus either the distance to each fg
     * frame's moment in bg time or, where that is unknown, a step prior on the coarse path's local rate.
     *
     * @param curve the fractional bg position of every fg frame's moment ({@link org.vidkompy.temporal.TimeLine}),
     *              NaN where unknown, and whether it lies on a firm curve
     */
    int[] choose(Costs table, double bgPerFg, TimeMatcher.Curve curve) {
        int[] map = table.map;
        double[] at = curve.bg();
        double[] expect = expectedSteps(map, bgPerFg);
        double timeWeight = table.timeWeight();
        // On a firm curve the moment is known to a small part of a frame: a frame takes the bg frame
        // nearest it unless its moment lies near halfway or its pictures beat that frame by more than
        // they need to decide (a clean seed-117 pan had one frame whose pictures decided by a hair for
        // the frame after the one its moment, 0.37 past a frame, is nearest to).
        double[] weightAt = new double[map.length];
        // A frame much noisier than the clip's median (a real clip's empty floor: costs of 0.2 where the
        // clip's were 0.02-0.05, better-coded bg frames winning by 0.005-0.03) weighs time by its own noise.
        boolean[] decisive = table.decisive();
        for (int i = 0; i < map.length; i++) {
            double own = decisive[i] || !table.informative[i] ? timeWeight
                    : Math.max(timeWeight, TIME_WEIGHT_PER_COST * table.cost[i * table.states + table.argmin(i)]);
            weightAt[i] = curve.firm()[i] ? Math.max(own, table.margin(i) / FIRM_REACH)
                    : decisive[i] ? Math.min(own, DECISIVE_OVER_TIME * table.gap(i)) : own;
        }
        // Where the timestamps place both frames, their distance to the moment holds the path smooth
        // already; a step prior on top would fight the pictures at every dropped or doubled frame.
        // Into, through and out of an insert the bg may have stopped or run on: no step is expected
        // there (the local rate read across a 1 s black insert at 12.5 fps moved the frames on both
        // sides a frame or two towards each other).
        double[] stepWeight = new double[map.length];
        boolean[] open = curve.open();
        for (int i = 1; i < map.length; i++) {
            stepWeight[i] = open[i] || open[i - 1] ? 0
                    : Double.isNaN(at[i]) || Double.isNaN(at[i - 1]) ? STEP_PENALTY : 0;
        }
        int n = map.length;
        int states = table.states;
        double[] cost = new double[states];
        double[] prev = new double[states];
        int[] prevBg = new int[states];
        int[] back = new int[n * states];
        int[] bgOf = new int[n * states];

        for (int i = 0; i < n; i++) {
            double[] cur = new double[states];
            int[] curBg = new int[states];
            for (int s = 0; s < states; s++) {
                int j = table.bg(i, s);
                curBg[s] = j;
                // An insert's pictures (a slate) fit some bg frames a little better than others, which
                // says nothing, and held the frames before a slate two frames early. Its window's centre
                // wins ties: the even pace across an insert, the bg's last frame under an fg that runs
                // past the bg's end.
                double c = open[i] ? OPEN_TIE * Math.abs(s - RADIUS) : table.cost[i * states + s];
                if (!Double.isNaN(at[i])) {
                    c += weightAt[i] * Math.abs(j - at[i]);
                }
                cur[s] = c;
            }
            if (i == 0) {
                for (int s = 0; s < states; s++) {
                    cost[s] = cur[s] + (Double.isNaN(at[0]) ? STEP_PENALTY * Math.abs(s - RADIUS) : 0);
                    bgOf[s] = curBg[s];
                }
            } else {
                double expected = expect[i];
                double[] next = new double[states];
                for (int s = 0; s < states; s++) {
                    double best = Double.MAX_VALUE;
                    int arg = -1;
                    for (int t = 0; t < states; t++) {
                        int step = curBg[s] - prevBg[t];
                        // Backward only where the coarse path jumps back (a replay): a cut like any other.
                        if ((step < 0 && expected >= 0) || prev[t] == Double.MAX_VALUE) {
                            continue;
                        }
                        double v = prev[t] + stepWeight[i] * Math.abs(step - expected);
                        if (v < best) {
                            best = v;
                            arg = t;
                        }
                    }
                    next[s] = arg < 0 ? Double.MAX_VALUE : best + cur[s];
                    back[i * states + s] = arg;
                    bgOf[i * states + s] = curBg[s];
                }
                cost = next;
            }
            prev = cost.clone();
            prevBg = curBg;
        }
        int s = 0;
        for (int t = 1; t < states; t++) {
            if (prev[t] < prev[s]) {
                s = t;
            }
        }
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = bgOf[i * states + s];
            if (i > 0) {
                s = back[i * states + s];
                if (s < 0) {
                    // No monotone way through (should not happen around a monotone path): keep the path.
                    for (int k = i - 1; k >= 0; k--) {
                        out[k] = map[k];
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static int clamp(int j, int n) {
        return j < 0 ? 0 : Math.min(n - 1, j);
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** Zero mean, unit variance into {@code out}; false for a flat picture (no information). */
    private boolean normalise(ThumbnailStore store, int i, Plane scratch, float[] out) {
        byte[] c = store.chunk(i);
        int off = store.offset(i);
        float[] d = scratch.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = tone.map(c[off + k] & 0xff);
        }
        return normalise(d, out);
    }

    /**
     * Zero mean and unit variance over the compared pixels, zero elsewhere, scaled so that the dot
     * product of two normalised pictures divided by the pixel count is their ZNCC.
     */
    private boolean normalise(float[] d, float[] out) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int k = 0; k < d.length; k++) {
            if (mask == null || mask[k]) {
                sum += d[k];
                sq += d[k] * d[k];
                n++;
            }
        }
        double mean = sum / Math.max(1, n);
        double var = sq / Math.max(1, n) - mean * mean;
        if (n == 0 || var < 1.5 * 1.5) {
            java.util.Arrays.fill(out, 0);
            return false;
        }
        float inv = (float) (Math.sqrt((double) d.length / n) / Math.sqrt(var));
        for (int k = 0; k < d.length; k++) {
            out[k] = mask == null || mask[k] ? (float) ((d[k] - mean) * inv) : 0f;
        }
        return true;
    }

    /** Normalised bg footprint thumbnails for the frames around the path, computed once each. */
    private final class BgWindow {
        private final java.util.TreeMap<Integer, float[]> cache = new java.util.TreeMap<>();
        private final Plane plane = Plane.allocate(w, h);
        private final AreaSampler cut;

        BgWindow(AreaSampler cut) {
            this.cut = cut;
        }

        float[] get(int j) {
            float[] v = cache.get(j);
            if (v == null) {
                cut.apply(bgStore.chunk(j), bgStore.offset(j), plane);
                v = new float[w * h];
                if (!normalise(plane.data(), v)) {
                    v = null;
                    cache.put(j, new float[0]);
                    return null;
                }
                cache.put(j, v);
            }
            return v.length == 0 ? null : v;
        }

        void release(int below) {
            cache.headMap(below).clear();
        }
    }
}
