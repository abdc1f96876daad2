package org.vidkompy.temporal;

import java.util.Arrays;

/**
 * Where, in bg time, every fg frame's moment falls: a smooth curve through the matched frames of a
 * path, read off at each fg frame's own timestamp and expressed as a fractional bg frame position.
 *
 * <p>The pictures say which bg frame an fg frame resembles; they cannot say which one is nearest in
 * time when several fg frames share one bg frame (a 50 fps fg over 25 fps), when adjacent bg frames
 * barely differ (slow motion in the picture, heavy noise). Timestamps can: fg frames sit at their own
 * presentation times (variable rate, drops, jitter), bg frames at theirs, and the map between the two
 * times is piecewise smooth (an offset, a speed that may drift, ramp or step, forward cuts).
 *
 * <p>It is fitted locally, at several scales: around every fg frame, windows of 2x8, 2x32 and 2x128
 * fg frames centred on it, ending at it and starting at it, a straight line in the smallest and a
 * parabola (a speed that changes steadily) in the larger ones where they hold the weight for one, else a
 * line, through the points the caller trusts
 * (frames whose pictures decided by themselves). The best-fitting window wins and near ties go to the
 * larger one: a long window averages the most evidence, a short or one-sided one follows a speed
 * step or a cut from its clean side instead of smoothing over it. Points a fit misses by more than a
 * frame are dropped and the fit repeated, so a few wrong matches do not bend it. Fits are judged by
 * what they would miss each point by had it been left out (the residual over one minus its
 * leverage): a short window through a handful of points fits them by construction, and without that
 * a slow stretch with two confidently wrong matches drew a line through them that beat the long
 * curve through hundreds of right ones.
 *
 * <p>Before all that, one line or one parabola through the whole piece is tried, and kept where it
 * explains the matches: most clips run at one speed, or drift steadily, from end to end. A match
 * whose pictures cannot tell its bg frame from others nearby does not disagree with a curve through
 * any of them ({@link #read}), nor pull it ({@link #censoredFit}); a parabola wins over a line that
 * explains the matches too only where it fits them significantly better (a gentle ramp).
 */
public final class TimeLine {

    /** Half-sizes of the fitting windows, in fg frames; the smallest is fitted with a line. */
    static final int[] HALF_WINDOWS = {128, 32, 8};
    /** A line needs this much weight of points (decisive frames count 1), a parabola twice as much. */
    static final int MIN_POINTS = 5;
    /** Residual, in bg frames, beyond which a point is an outlier. */
    static final double OUTLIER = 1.0;
    /**
     * Mean squared misses (in frames squared) closer than this are a tie, kept by the larger window:
     * integer frame positions alone miss a smooth curve by about 0.29 frames (0.083 squared).
     */
    static final double TIE = 0.02;
    /** Weight of the misfit over the whole neighbourhood next to that of its better side. */
    static final double BOTH_SIDES = 0.25;
    /** Fits are compared on the weight points within this many fg frames of where they are used. */
    static final int LOCAL = 8;

    private final double[] bgTimes;
    private final double bgFrameSeconds;

    /**
     * @param bgTimes every bg frame's presentation time in seconds, rising
     */
    public TimeLine(double[] bgTimes) {
        this.bgTimes = bgTimes;
        this.bgFrameSeconds = typicalStep(bgTimes);
    }

    /**
     * The fractional bg position of every fg frame's moment; NaN where no window holds enough weight
     * points (the pictures alone decide there).
     *
     * @param fgTimes every fg frame's presentation time in seconds, rising
     * @param path    bg frame per fg frame
     * @param weight  how much each path entry counts: 1 for frames whose pictures decided by themselves,
     *                less for frames placed with help from their neighbours, 0 for no evidence
     */
    public double[] positions(double[] fgTimes, int[] path, double[] weight) {
        return read(fgTimes, path, weight, path, path).at();
    }

    /**
     * Every fg frame's moment in bg frames, and whether it is firm: read off one line through the
     * whole piece that also runs through the middle of the matches everywhere ({@link #steady}), a
     * moment known to a small part of a frame (within 0.02 of the truth on a phone capture of 143
     * frames; a fifth of a frame at worst in the tests), against which pictures that barely tell
     * neighbouring bg frames apart should not move a frame. A parabola is never firm: laid through a
     * ramp that is not one, it runs a third of a frame beside the truth and still looks steady.
     */
    public record Reading(double[] at, boolean firm) {
    }

    /**
     * As {@link #positions(double[], int[], double[])}, where each frame's pictures allow a range of bg
     * frames: {@code alikeFrom[i]..alikeTo[i]} (around {@code path[i]}) look alike to them. A whole-piece curve
     * through such a range does not disagree with the frame, however its path entry was picked.
     */
    public Reading read(double[] fgTimes, int[] path, double[] weight, int[] alikeFrom, int[] alikeTo) {
        int n = path.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = bgTime(path[i]);
        }
        Fit fit = new Fit();
        Reading whole = wholePiece(fgTimes, alikeFrom, alikeTo, y, weight, fit);
        if (whole != null) {
            return whole;
        }
        double[] bestRms = new double[n];
        double[] out = new double[n];
        Arrays.fill(bestRms, Double.POSITIVE_INFINITY);
        Arrays.fill(out, Double.NaN);
        for (int h : HALF_WINDOWS) {
            int degree = h == HALF_WINDOWS[HALF_WINDOWS.length - 1] ? 1 : 2;
            // A long window's curve changes slowly along the clip: fit it every few frames and read it
            // off at each frame's own time in between.
            int stride = Math.max(1, h / 8);
            for (int anchor = 0; anchor < n; anchor += stride) {
                int[][] windows = {{anchor - h, anchor + h}, {anchor - 2 * h, anchor}, {anchor, anchor + 2 * h}};
                for (int[] w : windows) {
                    int a = Math.max(0, w[0]);
                    int b = Math.min(n - 1, w[1]);
                    // A window without the weight for a parabola takes a line: past a speed step into a
                    // still stretch, where few frames decide, the only parabolas left were those laid
                    // across the step, and they ran two frames beside the truth.
                    if (!fit.fit(fgTimes, y, weight, a, b, fgTimes[anchor], degree, bgFrameSeconds)
                            && (degree == 1 || !fit.fit(fgTimes, y, weight, a, b, fgTimes[anchor], 1, bgFrameSeconds))) {
                        continue;
                    }
                    // Judged where it is used, on the frame's own neighbourhood: a long window fits its
                    // far ends well and may still bend past a speed step right here, which its own mean
                    // misfit would hide. Misses count a frame at most. A cut or a speed step lies on
                    // one side of a frame at most, so what counts is the better side; the whole
                    // neighbourhood breaks near ties, so the curve that also explains the other side wins.
                    // A side cut short by the clip's end is no side: a curve through its last few points
                    // (one of them this frame's own earlier match) fits them by chance, and a parabola
                    // across a speed step won that way four frames before the end, a frame off.
                    int e = Math.min(n, anchor + stride);
                    for (int i = anchor; i < e; i++) {
                        int lo = Math.max(0, i - LOCAL);
                        int hi = Math.min(n - 1, i + LOCAL);
                        double around = fit.residual(fgTimes, y, weight, lo, hi, bgFrameSeconds);
                        double before = i - lo < LOCAL ? around : fit.residual(fgTimes, y, weight, lo, i, bgFrameSeconds);
                        double after = hi - i < LOCAL ? around : fit.residual(fgTimes, y, weight, i, hi, bgFrameSeconds);
                        double rms = Math.min(before, after) + BOTH_SIDES * around;
                        double needed = bestRms[i] - TIE;
                        if (rms < needed) {
                            bestRms[i] = rms;
                            out[i] = position(fit.at(fgTimes[i]));
                        }
                    }
                }
            }
        }
        return new Reading(out, false);
    }

    /**
     * One curve for the whole piece, a line or else a parabola, where it explains the matched frames
     * (see {@link #explains}), read off with whether it is firm ({@link Reading}); else null, and the
     * local curves are fitted. A piece at one speed (a
     * constant-rate pair, a variable-rate capture of one) or at a steadily drifting one is then read
     * off one curve through all its points, whose error shrinks with their number, instead of off
     * short windows that follow their own few points' rounding: a short window through a stretch whose rounded matches step
     * exactly one frame per frame fits them with no miss at all and wins, though the true curve runs
     * a third of a frame beside them. On a 143-frame phone capture the local curves missed the true
     * moments by up to 0.34 frames (0.09 rms), one line through all of them by 0.08; on 600 frames of
     * 3 % drift, 0.95 against 0.09.
     */
    private Reading wholePiece(double[] fgTimes, int[] alikeFrom, int[] alikeTo, double[] y, double[] weight,
                               Fit fit) {
        double lineMiss = censoredFit(fgTimes, alikeFrom, alikeTo, y, weight, fit, 1);
        if (!Double.isNaN(lineMiss)) {
            double[] line = readOff(fgTimes, fit);
            if (explains(line, alikeFrom, alikeTo, weight)) {
                double curvedMiss = censoredFit(fgTimes, alikeFrom, alikeTo, y, weight, fit, 2);
                if (!Double.isNaN(curvedMiss) && lineMiss - curvedMiss > SIGNIFICANT
                        * Math.max(ROUNDING, curvedMiss / Math.max(1, totalWeight(weight) - 3))) {
                    double[] curved = readOff(fgTimes, fit);
                    if (explains(curved, alikeFrom, alikeTo, weight)) {
                        return new Reading(curved, false);
                    }
                }
                return new Reading(line, steady(line, weight, alikeFrom, alikeTo));
            }
        }
        if (Double.isNaN(censoredFit(fgTimes, alikeFrom, alikeTo, y, weight, fit, 2))) {
            return null;
        }
        double[] curved = readOff(fgTimes, fit);
        return explains(curved, alikeFrom, alikeTo, weight) ? new Reading(curved, false) : null;
    }

    /**
     * A parabola is taken over a line through the whole piece only where it misses the points by this
     * many times their noise less (squared frames): by chance, a parabola through a constant speed gains
     * about one noise's worth, more than nine times that in three cases in a thousand.
     */
    static final double SIGNIFICANT = 9;
    /** The noise of points rounded to whole frames (squared frames): uniform over one frame. */
    static final double ROUNDING = 1.0 / 12;

    /**
     * Fits a curve of {@code degree} through the whole piece, where each point's evidence is the bg
     * frames its pictures cannot tell apart ({@code alikeFrom..alikeTo}) rather than the one the path
     * picked: a point agrees with a curve anywhere in its range and pulls only from outside it. Without
     * that, a still stretch's undecided frames, each placed a frame late by the previous round's path,
     * tilted the line through a phone capture by half a frame over its second half. Returns the weighted
     * sum of squared misses (frames) or NaN where the points cannot carry the curve.
     */
    private double censoredFit(double[] fgTimes, int[] alikeFrom, int[] alikeTo, double[] y, double[] weight,
                               Fit fit, int degree) {
        int n = y.length;
        double x0 = fgTimes[n / 2];
        if (!fit.fit(fgTimes, y, weight, 0, n - 1, x0, degree, bgFrameSeconds)) {
            return Double.NaN;
        }
        double[] evidence = y.clone();
        for (int round = 0; round < CENSORED_ROUNDS; round++) {
            boolean moved = false;
            for (int k = 0; k < n; k++) {
                double v = withinAlike(k, fit.at(fgTimes[k]), alikeFrom, alikeTo);
                if (v != evidence[k]) {
                    evidence[k] = v;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
            if (!fit.fit(fgTimes, evidence, weight, 0, n - 1, x0, degree, bgFrameSeconds)) {
                return Double.NaN;
            }
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (weight[k] > 0) {
                double c = fit.at(fgTimes[k]);
                double miss = (withinAlike(k, c, alikeFrom, alikeTo) - c) / bgFrameSeconds;
                sum += weight[k] * miss * miss;
            }
        }
        return sum;
    }

    /** Time {@code t} moved into the times of the bg frames point {@code k}'s pictures cannot tell apart. */
    private double withinAlike(int k, double t, int[] alikeFrom, int[] alikeTo) {
        return Math.max(bgTime(alikeFrom[k]), Math.min(bgTime(alikeTo[k]), t));
    }

    /** Rounds of moving each point within its range to the curve and fitting again. */
    static final int CENSORED_ROUNDS = 5;

    private double[] readOff(double[] fgTimes, Fit fit) {
        double[] out = new double[fgTimes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = position(fit.at(fgTimes[i]));
        }
        return out;
    }

    private static double totalWeight(double[] weight) {
        double sum = 0;
        for (double w : weight) {
            sum += w > 0 ? w : 0;
        }
        return sum;
    }

    /**
     * A point disagrees with a curve that misses it by more than this (bg frames): a true curve misses
     * the frames the pictures chose, which are its rounding, by half a frame at most.
     */
    static final double DISAGREE = 0.6;
    /**
     * Share of the points' weight, over the piece and in any neighbourhood, that may disagree; in a
     * neighbourhood one point more, whatever its weight (a lone wrong match among weak ones).
     */
    static final double DISAGREE_SHARE = 0.05;
    static final double DISAGREE_SHARE_LOCAL = 0.25;

    /**
     * Whether a whole-piece curve explains the matches: few of them (by weight) farther from the bg
     * frames their pictures cannot tell apart than a true curve's rounding allows, over the piece and
     * in every neighbourhood (a speed step or a cut
     * leaves a run of them far off on one side).
     */
    private static boolean explains(double[] global, int[] alikeFrom, int[] alikeTo, double[] weight) {
        int n = global.length;
        double[] bad = new double[n + 1];
        double[] all = new double[n + 1];
        for (int k = 0; k < n; k++) {
            double wk = weight[k] > 0 ? weight[k] : 0;
            all[k + 1] = all[k] + wk;
            boolean far = global[k] < alikeFrom[k] - DISAGREE || global[k] > alikeTo[k] + DISAGREE;
            bad[k + 1] = bad[k] + (far ? wk : 0);
        }
        if (!(all[n] > 0) || bad[n] > DISAGREE_SHARE * all[n]) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - LOCAL);
            int b = Math.min(n, i + LOCAL + 1);
            double worse = bad[b] - bad[a];
            if (worse > 1 && worse > DISAGREE_SHARE_LOCAL * (all[b] - all[a])) {
                return false;
            }
        }
        return true;
    }

    /** Half-width, in fg frames, of the stretches {@link #steady} looks at. */
    static final int STEADY_HALF = 16;
    /** Weight of points a stretch needs before its mean miss says anything. */
    static final double STEADY_WEIGHT = 4;
    /**
     * Mean signed miss (bg frames) of a stretch's points beyond which a curve runs beside them: their
     * rounding alone averages out to within about 0.29 / sqrt(weight), 0.15 frames for 4 points.
     */
    static final double STEADY_BIAS = 0.2;

    /**
     * Whether a whole-piece curve runs through the middle of its points everywhere: a line laid
     * through a gentle ramp explains every point to within the rounding, yet runs a quarter of a frame
     * beside them at the ends, all on one side. A point misses by its distance from the curve to the bg
     * frames its pictures cannot tell apart, as in {@link #censoredFit}: the frame its path picked among
     * them says nothing, and on a phone capture those picks, a frame late over a still stretch, made
     * the true line look unsteady.
     */
    private static boolean steady(double[] global, double[] weight, int[] alikeFrom, int[] alikeTo) {
        int n = global.length;
        double[] miss = new double[n + 1];
        double[] all = new double[n + 1];
        for (int k = 0; k < n; k++) {
            double wk = weight[k] > 0 ? weight[k] : 0;
            double ev = Math.max(alikeFrom[k], Math.min(alikeTo[k], global[k]));
            double r = Math.max(-1, Math.min(1, ev - global[k]));
            all[k + 1] = all[k] + wk;
            miss[k + 1] = miss[k] + wk * r;
        }
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - STEADY_HALF);
            int b = Math.min(n, i + STEADY_HALF + 1);
            double w = all[b] - all[a];
            if (w >= STEADY_WEIGHT && Math.abs(miss[b] - miss[a]) > STEADY_BIAS * w) {
                return false;
            }
        }
        return true;
    }

    /** Presentation time of bg frame {@code j}, extended at the bg's frame rate beyond its ends. */
    double bgTime(int j) {
        int last = bgTimes.length - 1;
        if (j < 0) {
            return bgTimes[0] + j * bgFrameSeconds;
        }
        if (j > last) {
            return bgTimes[last] + (j - last) * bgFrameSeconds;
        }
        return bgTimes[j];
    }

    /** The fractional bg frame index at time {@code t} (linear between frames, extended beyond the ends). */
    public double position(double t) {
        int last = bgTimes.length - 1;
        if (t <= bgTimes[0]) {
            return (t - bgTimes[0]) / bgFrameSeconds;
        }
        if (t >= bgTimes[last]) {
            return last + (t - bgTimes[last]) / bgFrameSeconds;
        }
        int k = Arrays.binarySearch(bgTimes, t);
        if (k >= 0) {
            return k;
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double span = bgTimes[hi] - bgTimes[lo];
        return span > 0 ? lo + (t - bgTimes[lo]) / span : lo;
    }

    private static double typicalStep(double[] times) {
        double m = TimeGrid.medianStep(times);
        return m > 0 ? m : 1 / 25.0;
    }

    /**
     * A least-squares polynomial (degree 1 or 2) through the weight points of a window, in time
     * relative to the frame it is for, outliers dropped once.
     */
    private static final class Fit {
        double x0;
        final double[] c = new double[3];
        /** The inverse of the last solve's normal matrix (row-major 3x3; degree 1 uses the top-left 2x2). */
        final double[] inv = new double[9];
        int degree;
        /** The window and the first pass's curve of the last fit, which say which points it used. */
        int from;
        int to;
        final double[] first = new double[3];
        double keep;

        double at(double t) {
            double d = t - x0;
            return c[0] + d * (c[1] + d * c[2]);
        }

        boolean fit(double[] x, double[] y, double[] weight, int a, int b, double x0, int degree, double unit) {
            this.x0 = x0;
            this.degree = degree;
            this.from = a;
            this.to = b;
            if (!solve(x, y, weight, a, b, degree, Double.POSITIVE_INFINITY)) {
                return false;
            }
            System.arraycopy(c, 0, first, 0, 3);
            keep = OUTLIER * unit;
            return solve(x, y, weight, a, b, degree, keep);
        }

        /** Whether point {@code k} took part in the last fit. */
        private boolean used(double[] x, double[] y, double[] weight, int k) {
            if (k < from || k > to || !(weight[k] > 0)) {
                return false;
            }
            double d = x[k] - x0;
            return Math.abs(y[k] - (first[0] + d * (first[1] + d * first[2]))) <= keep;
        }

        /** The leverage of point {@code k} on the last fit: how much its own value pulled the curve. */
        private double leverage(double[] x, double[] weight, int k) {
            double d = x[k] - x0;
            double q;
            if (degree == 1) {
                q = inv[0] + 2 * d * inv[1] + d * d * inv[4];
            } else {
                double d2 = d * d;
                q = inv[0] + 2 * d * inv[1] + 2 * d2 * inv[2] + d2 * inv[4] + 2 * d2 * d * inv[5]
                        + d2 * d2 * inv[8];
            }
            return weight[k] * q;
        }

        /** Least squares over the weight points the current curve misses by at most {@code keep}. */
        private boolean solve(double[] x, double[] y, double[] weight, int a, int b, int degree, double keep) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            boolean first = Double.isInfinite(keep);
            for (int k = a; k <= b; k++) {
                if (!(weight[k] > 0) || (!first && Math.abs(y[k] - at(x[k])) > keep)) {
                    continue;
                }
                double wk = weight[k];
                double d = x[k] - x0;
                double d2 = d * d;
                s0 += wk;
                s1 += wk * d;
                s2 += wk * d2;
                s3 += wk * d2 * d;
                s4 += wk * d2 * d2;
                t0 += wk * y[k];
                t1 += wk * d * y[k];
                t2 += wk * d2 * y[k];
            }
            if (s0 < MIN_POINTS * degree) {
                return false;
            }
            // y values are absolute times; solve for the offset from their mean to keep precision.
            double mean = t0 / s0;
            t1 -= mean * s1;
            t2 -= mean * s2;
            t0 = 0;
            if (degree == 1) {
                double den = s0 * s2 - s1 * s1;
                if (!(den > 1e-18 * s0 * s2)) {
                    return false;
                }
                c[1] = (s0 * t1 - s1 * t0) / den;
                c[0] = mean + (t0 - c[1] * s1) / s0;
                c[2] = 0;
                inv[0] = s2 / den;
                inv[1] = -s1 / den;
                inv[4] = s0 / den;
                return true;
            }
            double det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
            if (!(Math.abs(det) > 1e-18 * s0 * s2 * s4)) {
                return false;
            }
            double c0 = t0 * (s2 * s4 - s3 * s3) - s1 * (t1 * s4 - s3 * t2) + s2 * (t1 * s3 - s2 * t2);
            double c1 = s0 * (t1 * s4 - t2 * s3) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2);
            double c2 = s0 * (s2 * t2 - s3 * t1) - s1 * (s1 * t2 - t1 * s2) + t0 * (s1 * s3 - s2 * s2);
            c[0] = mean + c0 / det;
            c[1] = c1 / det;
            c[2] = c2 / det;
            // The normal matrix [[s0 s1 s2] [s1 s2 s3] [s2 s3 s4]] is symmetric: its inverse by cofactors.
            inv[0] = (s2 * s4 - s3 * s3) / det;
            inv[1] = (s2 * s3 - s1 * s4) / det;
            inv[2] = (s1 * s3 - s2 * s2) / det;
            inv[4] = (s0 * s4 - s2 * s2) / det;
            inv[5] = (s1 * s2 - s0 * s3) / det;
            inv[8] = (s0 * s2 - s1 * s1) / det;
            return true;
        }

        /** Weighted mean squared miss over the points of {@code a..b}, in frames, a miss counting a frame at most. */
        double residual(double[] x, double[] y, double[] weight, int a, int b, double unit) {
            double keep = OUTLIER * unit;
            double sum = 0;
            double n = 0;
            for (int k = a; k <= b; k++) {
                if (!(weight[k] > 0)) {
                    continue;
                }
                double miss = Math.abs(y[k] - at(x[k]));
                if (used(x, y, weight, k)) {
                    // What the curve would miss this point by had it been fitted without it: a short
                    // window with few points follows its own noise, and must not win by that.
                    double h = leverage(x, weight, k);
                    miss = h < 1 ? miss / (1 - h) : keep;
                }
                double r = Math.min(miss, keep) / unit;
                sum += weight[k] * r * r;
                n += weight[k];
            }
            return n > 0 ? sum / n : Double.POSITIVE_INFINITY;
        }
    }
}
