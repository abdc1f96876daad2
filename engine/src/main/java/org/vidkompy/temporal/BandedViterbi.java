package org.vidkompy.temporal;

/**
 * The monotone alignment inside a band: for each fg row exactly one bg column, consecutive columns
 * related by a {@link StepPrior} step or a forward cut, minimising the summed cell costs plus step
 * penalties. Start and end are free (the fg may begin and finish anywhere in the band).
 *
 * <p>Time O(cells x steps), memory one int back pointer per cell plus two rows of sums. Cell costs
 * come from a {@link BandCostKernel} in blocks of rows; a NaN cost (no evidence) and any cost above
 * {@code mismatchCost} count as {@code mismatchCost}, so frames that match nothing leave the path to
 * the step prior instead of pulling it around.
 *
 * <p>The search is total: every cell has a finite-cost way in from the row before, so the back trace
 * always completes. That rests on three things checked or enforced here: the band is a monotone
 * corridor (neither edge moves left, so every column of a row is at or right of the previous row's
 * first column and a step of 0..maxStep or a cut reaches it); every cell cost is finite (NaN and
 * infinities, whatever a kernel produced, are clamped into {@code [-mismatchCost, mismatchCost]});
 * every step cost and the cut penalty are finite (the priors reject anything else).
 */
final class BandedViterbi {

    private static final int ROWS_PER_BLOCK = 256;

    private final BandCostKernel kernel;

    BandedViterbi(BandCostKernel kernel) {
        this.kernel = kernel;
    }

    int[] solve(DescriptorSequence fg, DescriptorSequence bg, Band band, StepPrior steps, float mismatchCost) {
        if (!band.isMonotone()) {
            throw new IllegalArgumentException("the Viterbi band must be a monotone corridor");
        }
        if (!(mismatchCost > 0) || Float.isInfinite(mismatchCost)) {
            throw new IllegalArgumentException("mismatch cost must be positive and finite, is " + mismatchCost);
        }
        int rows = band.rows();
        int maxW = band.maxWidth();
        int[] back = new int[band.cells()];
        double[] prev = new double[maxW];
        double[] cur = new double[maxW];
        double[] prefMin = new double[maxW];
        int[] prefArg = new int[maxW];
        int blockCells = 0;
        for (int r0 = 0; r0 < rows; r0 += ROWS_PER_BLOCK) {
            int r1 = Math.min(rows, r0 + ROWS_PER_BLOCK);
            blockCells = Math.max(blockCells, band.offset(r1) - band.offset(r0));
        }
        float[] cost = new float[blockCells];
        int maxStep = steps.maxStep();
        float cut = steps.cutPenalty();

        for (int r0 = 0; r0 < rows; r0 += ROWS_PER_BLOCK) {
            int r1 = Math.min(rows, r0 + ROWS_PER_BLOCK);
            kernel.fill(fg, bg, band, r0, r1, cost);
            int blockBase = band.offset(r0);
            for (int i = r0; i < r1; i++) {
                int lo = band.lo(i);
                int hi = band.hi(i);
                int w = hi - lo + 1;
                int cellBase = band.offset(i);
                int co = cellBase - blockBase;
                if (i == 0) {
                    for (int k = 0; k < w; k++) {
                        cur[k] = clamp(cost[co + k], mismatchCost);
                        back[cellBase + k] = Integer.MIN_VALUE;
                    }
                } else {
                    int plo = band.lo(i - 1);
                    int phi = band.hi(i - 1);
                    int pw = phi - plo + 1;
                    double m = Double.POSITIVE_INFINITY;
                    int a = -1;
                    for (int k = 0; k < pw; k++) {
                        if (prev[k] < m) {
                            m = prev[k];
                            a = k;
                        }
                        prefMin[k] = m;
                        prefArg[k] = a;
                    }
                    for (int k = 0; k < w; k++) {
                        int j = lo + k;
                        double best = Double.POSITIVE_INFINITY;
                        float bestPrior = Float.POSITIVE_INFINITY;
                        int from = -1;
                        for (int s = 0; s <= maxStep; s++) {
                            int jp = j - s;
                            if (jp < plo) {
                                break;
                            }
                            if (jp > phi) {
                                continue;
                            }
                            float prior = steps.stepCost(i, s);
                            double v = prev[jp - plo] + prior;
                            // On a tie the likelier step wins, so flat stretches follow the prior.
                            if (v < best || (v == best && prior < bestPrior)) {
                                best = v;
                                bestPrior = prior;
                                from = jp;
                            }
                        }
                        int jc = Math.min(j - maxStep - 1, phi);
                        if (jc >= plo) {
                            double v = prefMin[jc - plo] + cut;
                            if (v < best) {
                                best = v;
                                from = plo + prefArg[jc - plo];
                            }
                        }
                        cur[k] = best + clamp(cost[co + k], mismatchCost);
                        back[cellBase + k] = from;
                    }
                }
                // Keep sums small so float-sized differences survive hours of rows.
                double m = Double.POSITIVE_INFINITY;
                for (int k = 0; k < w; k++) {
                    m = Math.min(m, cur[k]);
                }
                for (int k = 0; k < w; k++) {
                    cur[k] -= m;
                }
                double[] t = prev;
                prev = cur;
                cur = t;
            }
        }
        int last = rows - 1;
        int lw = band.width(last);
        int end = 0;
        for (int k = 1; k < lw; k++) {
            if (prev[k] < prev[end]) {
                end = k;
            }
        }
        int[] path = new int[rows];
        path[last] = band.lo(last) + end;
        for (int i = last; i > 0; i--) {
            int from = back[band.offset(i) + path[i] - band.lo(i)];
            path[i - 1] = from; // never -1: see the class comment
        }
        return path;
    }

    /** A finite cost: NaN (no evidence) and anything at or above the cap cost the cap; -inf is bounded too. */
    static float clamp(float c, float mismatchCost) {
        return c < mismatchCost ? Math.max(c, -mismatchCost) : mismatchCost; // NaN fails the test
    }
}
