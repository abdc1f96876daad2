package org.vidkompy.spatial;

import java.util.List;
import org.vidkompy.image.Plane;
import org.vidkompy.image.Resampler;

/**
 * Sub-pixel refinement of a placement by Gauss-Newton on the ZNCC objective, coarse to fine.
 *
 * <p>For a placement (x, y, s) the bg is resampled onto the fg content grid with the compositor's
 * geometry ({@link Resampler}); the refiner then minimises, jointly over the given sample pairs,
 * {@code Σ (F - a·P(x, y, s) - b)² / var(F)} with a gain a and offset b per pair. For fixed geometry
 * the optimal a, b make the residual {@code N·var(F)·(1 - ZNCC²)}, so this is ZNCC maximisation that
 * stays correct under grading, while the shared geometry lets several pairs average their noise.
 * Gain and offset are eliminated per pair (Schur complement), leaving a 3×3 system, or 2×2 when the
 * scale is held.
 *
 * <p>Image derivatives come from central differences of the resampled bg, so every iteration costs
 * one resampling per pair; steps that lower the mean ZNCC are halved (up to three times), which keeps
 * the iteration monotone. Each level runs until the step is below a tolerance (0.02 level pixels on
 * coarse levels, 0.002 bg pixels on the last) or the iteration budget is spent.
 *
 * <p>Over 250 lines because one Gauss-Newton level (resampling, derivatives, the eliminated normal
 * equations and the step control) is a single numerical unit best read in one place.
 */
final class PlacementRefiner {

    /** Below this many compared pixels in all pairs together one thread is quicker than several. */
    static final long PARALLEL_PIXELS = 1L << 17;
    /** Pairs {@link #measure} resamples at once. */
    static final int MEASURE_BATCH = 16;

    private final LevelCache levels;
    private final Bounds bounds;
    /** Full-resolution bg pixels of Gaussian blur the bg is resampled through (0: none; see {@link Resampler}). */
    private final double bgBlur;

    PlacementRefiner(LevelCache levels, Bounds bounds) {
        this(levels, bounds, 0);
    }

    PlacementRefiner(LevelCache levels, Bounds bounds, double bgBlur) {
        this.levels = levels;
        this.bounds = bounds;
        this.bgBlur = bgBlur;
    }

    Refined refine(ContentPlacement start, List<SamplePair> pairs, boolean freeScale, List<Double> factors,
                   int maxIterations) {
        ContentPlacement p = bounds.clamp(start);
        double[] zncc = new double[pairs.size()];
        for (int li = 0; li < factors.size(); li++) {
            double f = factors.get(li);
            double tolerance = li == factors.size() - 1 ? Math.min(0.002, 0.02 * f) : 0.02 * f;
            Level level = new Level(pairs, f);
            double current = level.evaluate(p);
            level.acceptTrial();
            for (int it = 0; it < maxIterations; it++) {
                double[] step = level.gaussNewtonStep(p.scale(), freeScale);
                if (step == null) {
                    break;
                }
                limit(step, f);
                boolean accepted = false;
                double lambda = 1;
                for (int halving = 0; halving < 4 && !accepted; halving++, lambda *= 0.5) {
                    ContentPlacement trial = bounds.clamp(new ContentPlacement(p.x() + lambda * step[0],
                            p.y() + lambda * step[1], freeScale ? p.scale() + lambda * step[2] : p.scale()));
                    double z = level.evaluate(trial);
                    if (z >= current - 1e-9) {
                        level.acceptTrial();
                        double moved = movement(p, trial);
                        p = trial;
                        current = z;
                        accepted = true;
                        if (moved < tolerance) {
                            it = maxIterations;
                        }
                    }
                }
                if (!accepted) {
                    break;
                }
            }
            level.copyZncc(zncc);
        }
        return new Refined(p, pairs, zncc);
    }

    /**
     * ZNCC of each pair at {@code p} on level {@code factor}, without moving it; {@link #MEASURE_BATCH} pairs
     * at a time, so that the buffers stay small however many pairs there are.
     */
    double[] measure(ContentPlacement p, List<SamplePair> pairs, double factor) {
        double[] out = new double[pairs.size()];
        for (int from = 0; from < pairs.size(); from += MEASURE_BATCH) {
            List<SamplePair> part = pairs.subList(from, Math.min(pairs.size(), from + MEASURE_BATCH));
            Level level = new Level(part, factor);
            level.evaluate(p);
            level.acceptTrial();
            double[] z = new double[part.size()];
            level.copyZncc(z);
            System.arraycopy(z, 0, out, from, z.length);
        }
        return out;
    }

    private double movement(ContentPlacement a, ContentPlacement b) {
        double extent = Math.max(bounds.contentWidth(), bounds.contentHeight());
        return Math.max(Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())),
                Math.abs(a.scale() - b.scale()) * extent);
    }

    /** No single step may move anything by more than two pixels of the current level. */
    private void limit(double[] step, double factor) {
        double extent = Math.max(bounds.contentWidth(), bounds.contentHeight());
        double biggest = Math.max(Math.max(Math.abs(step[0]), Math.abs(step[1])), Math.abs(step[2]) * extent);
        double max = 2 * factor;
        if (biggest > max) {
            double k = max / biggest;
            step[0] *= k;
            step[1] *= k;
            step[2] *= k;
        }
    }

    /** The sample pairs at one pyramid level, with resampling buffers for the current and a trial placement. */
    private final class Level {
        private final double factor;
        private final Plane[] fg;
        private final Plane[] bg;
        private final double[] fgMean;
        private final double[] fgStd;
        private Plane[] current;
        private Plane[] trial;
        private final double[] currentZncc;
        private final double[] trialZncc;
        /**
         * Overhang only (else null): the fg pixels whose bg cell, with the resampling kernel's reach,
         * lies inside the bg; only they are compared, with the fg's statistics over them.
         */
        private boolean[] currentMask;
        private boolean[] trialMask;
        private final double[] currentFgStd;
        private final Resampler.Scratch[] scratch;

        Level(List<SamplePair> pairs, double factor) {
            this.factor = factor;
            int n = pairs.size();
            fg = new Plane[n];
            bg = new Plane[n];
            fgMean = new double[n];
            fgStd = new double[n];
            current = new Plane[n];
            trial = new Plane[n];
            currentZncc = new double[n];
            trialZncc = new double[n];
            currentFgStd = new double[n];
            scratch = new Resampler.Scratch[n];
            for (int i = 0; i < n; i++) {
                scratch[i] = new Resampler.Scratch();
                fg[i] = levels.fg(pairs.get(i).fg(), factor);
                bg[i] = levels.bg(pairs.get(i).bg(), factor);
                double sum = 0;
                double sumSq = 0;
                for (int k = 0; k < fg[i].width() * fg[i].height(); k++) {
                    double v = fg[i].data()[k];
                    sum += v;
                    sumSq += v * v;
                }
                int count = fg[i].width() * fg[i].height();
                fgMean[i] = sum / count;
                fgStd[i] = Math.sqrt(Math.max(0, sumSq / count - fgMean[i] * fgMean[i]));
                current[i] = Plane.allocate(fg[i].width(), fg[i].height());
                trial[i] = Plane.allocate(fg[i].width(), fg[i].height());
            }
        }

        /** Resamples every pair at {@code p} into the trial buffers; returns the mean ZNCC. */
        double evaluate(ContentPlacement p) {
            double sum = 0;
            if (bounds.overhang()) {
                trialMask = OverlapMask.of(p.x() / factor, p.y() / factor, p.scale(), fg[0].width(),
                        fg[0].height(), bg[0].width(), bg[0].height());
            }
            boolean[] mask = trialMask;
            eachPair(i -> {
                // Coarser levels were made from the blurred bg already (LevelCache).
                Resampler.sampleInto(bg[i], p.x() / factor, p.y() / factor, p.scale(), trial[i], scratch[i],
                        factor == 1 ? bgBlur : 0);
                trialZncc[i] = mask == null ? zncc(i, trial[i]) : maskedZncc(i, trial[i], mask);
            });
            for (int i = 0; i < fg.length; i++) {
                sum += trialZncc[i];
            }
            return sum / fg.length;
        }

        /**
         * Runs {@code body} for every pair, on every core when there is enough to share: each pair
         * writes only its own buffers and slots, and the callers sum in pair order.
         */
        private void eachPair(java.util.function.IntConsumer body) {
            long pixels = (long) fg.length * fg[0].width() * fg[0].height();
            if (fg.length > 1 && pixels >= PARALLEL_PIXELS) {
                java.util.stream.IntStream.range(0, fg.length).parallel().forEach(body);
            } else {
                for (int i = 0; i < fg.length; i++) {
                    body.accept(i);
                }
            }
        }

        void acceptTrial() {
            Plane[] t = current;
            current = trial;
            trial = t;
            System.arraycopy(trialZncc, 0, currentZncc, 0, trialZncc.length);
            currentMask = trialMask; // a new array per evaluation, so nothing is shared
            if (currentMask != null) {
                for (int i = 0; i < fg.length; i++) {
                    currentFgStd[i] = OverlapMask.std(fg[i].data(), currentMask);
                }
            }
        }

        /** ZNCC over the masked pixels only. */
        private double maskedZncc(int i, Plane warped, boolean[] mask) {
            float[] f = fg[i].data();
            float[] w = warped.data();
            double n = 0;
            double sf = 0;
            double sff = 0;
            double sw = 0;
            double sww = 0;
            double sfw = 0;
            for (int k = 0; k < mask.length; k++) {
                if (mask[k]) {
                    double fv = f[k];
                    double wv = w[k];
                    n++;
                    sf += fv;
                    sff += fv * fv;
                    sw += wv;
                    sww += wv * wv;
                    sfw += fv * wv;
                }
            }
            if (n < 2) {
                return 0;
            }
            double varF = sff / n - (sf / n) * (sf / n);
            double varW = sww / n - (sw / n) * (sw / n);
            if (varF <= 1e-12 || varW <= 1e-12) {
                return 0;
            }
            return (sfw / n - (sf / n) * (sw / n)) / Math.sqrt(varF * varW);
        }

        void copyZncc(double[] out) {
            System.arraycopy(currentZncc, 0, out, 0, out.length);
        }

        private double zncc(int i, Plane warped) {
            float[] f = fg[i].data();
            float[] w = warped.data();
            int n = fg[i].width() * fg[i].height();
            double sw = 0;
            double sww = 0;
            double sfw = 0;
            for (int k = 0; k < n; k++) {
                double wv = w[k];
                sw += wv;
                sww += wv * wv;
                sfw += f[k] * wv;
            }
            double mw = sw / n;
            double varW = sww / n - mw * mw;
            if (fgStd[i] <= 0 || varW <= 1e-12) {
                return 0;
            }
            return (sfw / n - fgMean[i] * mw) / (fgStd[i] * Math.sqrt(varW));
        }

        /**
         * Gauss-Newton step (dx, dy, ds) from the current resampled buffers, in bg pixels and scale
         * units; null when the system is singular.
         */
        double[] gaussNewtonStep(double scale, boolean freeScale) {
            double[][] pairA = new double[fg.length][9];
            double[][] pairRhs = new double[fg.length][3];
            eachPair(i -> accumulate(i, scale, pairA[i], pairRhs[i]));
            // Summed in pair order, as one thread would: the same step however many cores.
            double[] a3 = new double[9];
            double[] rhs = new double[3];
            for (int i = 0; i < fg.length; i++) {
                for (int k = 0; k < 9; k++) {
                    a3[k] += pairA[i][k];
                }
                for (int k = 0; k < 3; k++) {
                    rhs[k] += pairRhs[i][k];
                }
            }
            int dims = freeScale ? 3 : 2;
            double[] solution = solve(a3, rhs, dims);
            if (solution == null) {
                return null;
            }
            return new double[] {solution[0], solution[1], dims == 3 ? solution[2] : 0};
        }

        private void accumulate(int i, double scale, double[] a3, double[] rhs) {
            Plane warped = current[i];
            float[] p = warped.data();
            float[] f = fg[i].data();
            int w = warped.width();
            int h = warped.height();
            if (w < 3 || h < 3) {
                return;
            }
            // Gain and offset of F on P over the interior, where derivatives exist.
            double sp = 0;
            double spp = 0;
            double sf = 0;
            double sfp = 0;
            boolean[] mask = currentMask;
            int n = 0;
            for (int v = 1; v < h - 1; v++) {
                for (int u = 1; u < w - 1; u++) {
                    int k = v * w + u;
                    if (mask != null && !compared(mask, k, w)) {
                        continue;
                    }
                    n++;
                    double pv = p[k];
                    sp += pv;
                    spp += pv * pv;
                    sf += f[k];
                    sfp += f[k] * pv;
                }
            }
            if (n < 2) {
                return;
            }
            double varP = spp / n - (sp / n) * (sp / n);
            if (varP <= 1e-9) {
                return;
            }
            double gain = (sfp / n - (sf / n) * (sp / n)) / varP;
            double offset = sf / n - gain * sp / n;
            double inv2s = 1.0 / (2 * scale);
            double toBg = gain / factor;
            // Geometric columns j0..j2, nuisance columns P and 1.
            double j00 = 0, j01 = 0, j02 = 0, j11 = 0, j12 = 0, j22 = 0;
            double jp0 = 0, jp1 = 0, jp2 = 0, j10 = 0, j1s1 = 0, j1s2 = 0;
            double r0 = 0, r1 = 0, r2 = 0;
            for (int v = 1; v < h - 1; v++) {
                double cy = v + 0.5;
                for (int u = 1; u < w - 1; u++) {
                    int k = v * w + u;
                    if (mask != null && !compared(mask, k, w)) {
                        continue;
                    }
                    double gx = (p[k + 1] - p[k - 1]) * inv2s;
                    double gy = (p[k + w] - p[k - w]) * inv2s;
                    double c0 = gx * toBg;
                    double c1 = gy * toBg;
                    double c2 = gain * ((u + 0.5) * gx + cy * gy);
                    double pv = p[k];
                    double r = f[k] - gain * pv - offset;
                    j00 += c0 * c0;
                    j01 += c0 * c1;
                    j02 += c0 * c2;
                    j11 += c1 * c1;
                    j12 += c1 * c2;
                    j22 += c2 * c2;
                    jp0 += c0 * pv;
                    jp1 += c1 * pv;
                    jp2 += c2 * pv;
                    j10 += c0;
                    j1s1 += c1;
                    j1s2 += c2;
                    r0 += c0 * r;
                    r1 += c1 * r;
                    r2 += c2 * r;
                }
            }
            // Eliminate gain and offset: A -= J'N (N'N)^-1 N'J with N = [P, 1].
            double npp = spp;
            double np1 = sp;
            double n11 = n;
            double det = npp * n11 - np1 * np1;
            if (det <= 0) {
                return;
            }
            double i00 = n11 / det;
            double i01 = -np1 / det;
            double i11 = npp / det;
            double[] jp = {jp0, jp1, jp2};
            double[] j1 = {j10, j1s1, j1s2};
            double[] jj = {j00, j01, j02, j01, j11, j12, j02, j12, j22};
            double std = mask == null ? fgStd[i] : currentFgStd[i];
            if (std <= 0) {
                return;
            }
            double weight = 1.0 / (std * std * n);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    double correction = jp[r] * (i00 * jp[c] + i01 * j1[c]) + j1[r] * (i01 * jp[c] + i11 * j1[c]);
                    a3[r * 3 + c] += weight * (jj[r * 3 + c] - correction);
                }
            }
            // The residual is already orthogonal to P and 1 (optimal gain and offset), so N'r = 0.
            rhs[0] += weight * r0;
            rhs[1] += weight * r1;
            rhs[2] += weight * r2;
        }
    }

    /** A pixel and its four neighbours (its central differences) all lie over the bg. */
    private static boolean compared(boolean[] mask, int k, int w) {
        return mask[k] && mask[k - 1] && mask[k + 1] && mask[k - w] && mask[k + w];
    }

    /** Solves the leading {@code dims}×{@code dims} block of a row-major 3×3 system by Gaussian elimination. */
    static double[] solve(double[] a3, double[] rhs, int dims) {
        double[][] m = new double[dims][dims + 1];
        double scale = 0;
        for (int r = 0; r < dims; r++) {
            for (int c = 0; c < dims; c++) {
                m[r][c] = a3[r * 3 + c];
                scale = Math.max(scale, Math.abs(m[r][c]));
            }
            m[r][dims] = rhs[r];
        }
        if (scale == 0) {
            return null;
        }
        for (int col = 0; col < dims; col++) {
            int pivot = col;
            for (int r = col + 1; r < dims; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-14 * scale) {
                return null;
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < dims; r++) {
                if (r != col) {
                    double k = m[r][col] / m[col][col];
                    for (int c = col; c <= dims; c++) {
                        m[r][c] -= k * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[dims];
        for (int r = 0; r < dims; r++) {
            x[r] = m[r][dims] / m[r][r];
        }
        return x;
    }
}
