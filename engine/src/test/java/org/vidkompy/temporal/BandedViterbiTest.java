package org.vidkompy.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The path search is total: whatever the costs (NaN, infinities, huge values) and whatever monotone
 * band the projector makes from whatever coarse path, every fg row gets a bg column inside its band
 * row and the path never goes back.
 */
class BandedViterbiTest {

    private static final float[] HOSTILE = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f,
        -1e30f, 0f, 0.01f, 0.3f, 2f};

    /** A kernel whose costs are drawn from {@link #HOSTILE}, seeded per cell so blocks agree. */
    private static BandCostKernel hostile(long seed, double nanShare) {
        return (fg, bg, band, rowFrom, rowTo, out) -> {
            int base = band.offset(rowFrom);
            for (int i = rowFrom; i < rowTo; i++) {
                for (int j = band.lo(i); j <= band.hi(i); j++) {
                    Random r = new Random(seed * 1_000_003L + i * 7919L + j);
                    out[band.offset(i) + j - band.lo(i) - base] =
                            r.nextDouble() < nanShare ? Float.NaN : HOSTILE[r.nextInt(HOSTILE.length)];
                }
            }
        };
    }

    @Test
    void everyProjectedBandYieldsACompleteMonotonePath() {
        Random rnd = new Random(5);
        DescriptorSequence fg = TestBands.random(300, 1, 0);
        DescriptorSequence bg = TestBands.random(400, 2, 0);
        BandProjector projector = new BandProjector();
        AlignmentLevel coarse = new AlignmentLevel(8, 8.0);
        AlignmentLevel fine = new AlignmentLevel(1, 1.0);
        for (int trial = 0; trial < 40; trial++) {
            // A coarse path with cuts, parked stretches and a start outside the bg.
            int[] coarsePath = new int[38];
            int at = rnd.nextInt(20) - 10;
            for (int i = 0; i < coarsePath.length; i++) {
                at += rnd.nextInt(10) < 2 ? rnd.nextInt(15) : rnd.nextInt(2);
                coarsePath[i] = at;
            }
            Band band = projector.project(coarsePath, coarse, fine, fg.size(), 1.0, -302, 701, 1 + rnd.nextInt(6));
            double nan = trial % 4 == 0 ? 1.0 : rnd.nextDouble();
            StepPrior prior = trial % 2 == 0 ? new RateStepPrior(1.0, 0.5f, 1f)
                    : new TrajectoryStepPrior(steps(fg.size(), rnd), 2f, 1f);
            int[] path = new BandedViterbi(hostile(trial, nan)).solve(fg, bg, band, prior, 0.5f);
            assertEquals(fg.size(), path.length);
            for (int i = 0; i < path.length; i++) {
                assertTrue(path[i] >= band.lo(i) && path[i] <= band.hi(i), "row " + i + " outside its band");
                assertTrue(i == 0 || path[i] >= path[i - 1], "row " + i + " goes back");
            }
        }
    }

    @Test
    void aBandWhoseEdgeMovesLeftIsRefused() {
        DescriptorSequence fg = TestBands.random(3, 1, 0);
        DescriptorSequence bg = TestBands.random(10, 2, 0);
        Band band = new Band(new int[] {0, 5, 1}, new int[] {4, 8, 8});
        assertThrows(IllegalArgumentException.class, () -> new BandedViterbi(new CpuCostKernel())
                .solve(fg, bg, band, new RateStepPrior(1.0, 0.5f, 1f), 0.5f));
    }

    @Test
    void infinitePenaltiesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateStepPrior(1.0, Float.POSITIVE_INFINITY, 1f));
        assertThrows(IllegalArgumentException.class,
                () -> new TrajectoryStepPrior(new int[] {1}, 1f, Float.POSITIVE_INFINITY));
    }

    private static int[] steps(int n, Random rnd) {
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            e[i] = rnd.nextInt(4);
        }
        return e;
    }
}
