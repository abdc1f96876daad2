package org.vidkompy.temporal;

import org.vidkompy.media.FrameRange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ground-truth accuracy on Scene footage: every case must put >= 99 % of fg frames on the true bg frame
 * (or one showing the identical picture) and none more than one frame off. Each case is aligned twice:
 * over the whole lattice at full rate, and through a forced coarse-to-fine pyramid as long inputs are.
 */
class TemporalAccuracyTest {

    private static final long SMALL_BUDGET = 30_000;
    private static SceneFootage footage;
    private static SceneFootage other;
    private static DescriptorSequence bg;
    private static final StringBuilder table = new StringBuilder();

    private final TemporalAligner aligner = new TemporalAligner(new CpuCostKernel());

    @BeforeAll
    static void render() {
        footage = new SceneFootage(7, -1, -1);
        other = new SceneFootage(99, -1, -1);
        bg = footage.bg(900, DescriptorSpec.standard(), 1f, 1);
    }

    @AfterAll
    static void report() {
        System.out.println("case                      level   exact%  max|off|  unmatched  confidence  ms");
        System.out.print(table);
    }

    private static int[] truth(int n, IntUnaryOperator f) {
        int[] t = new int[n];
        for (int j = 0; j < n; j++) {
            t[j] = f.applyAsInt(j);
        }
        return t;
    }

    /** Aligns at both pyramid settings, prints, asserts; returns the full-lattice result. */
    private TemporalAlignment check(String name, DescriptorSequence fg, DescriptorSequence bgSeq, SceneFootage scene,
                                    int[] expected, TemporalOptions opts) {
        TemporalAlignment first = null;
        for (long budget : new long[] {opts.coarseCellBudget(), SMALL_BUDGET}) {
            TemporalOptions o = opts.withCoarseCellBudget(budget);
            long t0 = System.nanoTime();
            TemporalAlignment a = aligner.align(fg, bgSeq, o);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int levels = new LevelPlanner().plan(fg.size(), bgSeq.size(), o.bgPerFg(), budget).size();
            int exact = 0;
            int maxOff = 0;
            int firstBad = -1;
            for (int j = 0; j < expected.length; j++) {
                int got = a.map()[j];
                int off = scene.identical(got, expected[j]) ? 0 : Math.abs(got - expected[j]);
                exact += off == 0 ? 1 : 0;
                if (off > maxOff) {
                    maxOff = off;
                    firstBad = j;
                }
            }
            double pct = 100.0 * exact / expected.length;
            table.append(String.format("%-25s %5d %8.2f %9d %10d %11.3f %4d%n", name, levels, pct, maxOff,
                    a.unmatchedCount(), a.confidence(), ms));
            String where = firstBad < 0 ? "" : " worst at fg " + firstBad + ": got " + a.map()[firstBad]
                    + " want " + expected[firstBad];
            assertTrue(pct >= 99.0, name + " (" + levels + " levels): only " + pct + "% exact" + where);
            assertTrue(maxOff <= 1, name + " (" + levels + " levels): off by " + maxOff + where);
            assertEquals(expected.length, a.map().length);
            if (first == null) {
                first = a;
            }
        }
        return first;
    }

    private static void assertMostlyMatched(TemporalAlignment a, String name) {
        assertTrue(a.unmatchedCount() <= a.map().length / 100, name + ": " + a.unmatched() + " reported unmatched");
    }

    @Test
    void plainOffset() {
        int[] t = truth(500, j -> 40 + j);
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), SceneFootage.plain(1f), 2, null);
        TemporalAlignment a = check("offset 40", fg, bg, footage, t, TemporalOptions.of(25, 25));
        assertMostlyMatched(a, "offset");
        assertTrue(a.confidence() > 0.8, "confidence " + a.confidence());
    }

    @Test
    void fgAt30FromBgAt25DuplicatesFrames() {
        int[] t = truth(600, j -> (int) Math.round(j * 25.0 / 30.0) + 40);
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), SceneFootage.plain(1f), 3, null);
        assertMostlyMatched(check("fps 25->30", fg, bg, footage, t, TemporalOptions.of(30, 25)), "25->30");
    }

    @Test
    void fgAt12FromBgAt24SkipsFrames() {
        int[] t = truth(400, j -> 2 * j + 40);
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), SceneFootage.plain(1f), 4, null);
        assertMostlyMatched(check("fps 24->12", fg, bg, footage, t, TemporalOptions.of(12, 24)), "24->12");
    }

    private static int[] driftTruth() {
        return truth(600, j -> (int) Math.round(j * 1.03) + 40);
    }

    @Test
    void threePercentDrift() {
        int[] t = driftTruth();
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), SceneFootage.plain(1f), 5, null);
        assertMostlyMatched(check("drift 3%", fg, bg, footage, t, TemporalOptions.of(25, 25)), "drift");
    }

    @Test
    void threePercentDriftNeverMoreThanOneFrameOff() {
        int[] t = driftTruth();
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), SceneFootage.plain(1f), 5, null);
        for (long budget : new long[] {TemporalOptions.DEFAULT_COARSE_CELL_BUDGET, SMALL_BUDGET}) {
            TemporalAlignment a = aligner.align(fg, bg, TemporalOptions.of(25, 25).withCoarseCellBudget(budget));
            int exact = 0;
            for (int j = 0; j < t.length; j++) {
                int off = Math.abs(a.map()[j] - t[j]);
                assertTrue(off <= 1, "drift: fg " + j + " off by " + off);
                exact += off == 0 ? 1 : 0;
            }
            double pct = 100.0 * exact / t.length;
            table.append(String.format("%-25s %5s %8.2f %9d %10d %11.3f%n", "drift 3% (shortfall)", budget, pct, 1,
                    a.unmatchedCount(), a.confidence()));
            assertTrue(pct >= 97.0, "drift regressed below 97 %: " + pct);
        }
    }

    @Test
    void fiveSecondCut() {
        int[] t = truth(500, j -> j < 300 ? 40 + j : 40 + j + 125);
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), SceneFootage.plain(1f), 6, null);
        assertMostlyMatched(check("cut +125", fg, bg, footage, t, TemporalOptions.of(25, 25).withRefineRadius(0)), "cut");
    }

    @Test
    void gradedAndNoisy() {
        int[] t = truth(500, j -> 60 + j);
        SceneFootage.Grade grade = (j, src, out, rnd) -> {
            for (int k = 0; k < src.length; k++) {
                out[k] = 0.6f * src[k] + 40f + 4f * (float) rnd.nextGaussian();
            }
        };
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), grade, 7, null);
        assertMostlyMatched(check("graded+noise4", fg, bg, footage, t, TemporalOptions.of(25, 25)), "graded");
    }

    @Test
    void blackThenFadeIn() {
        int[] t = truth(500, j -> 40 + j);
        SceneFootage.Grade fade = (j, src, out, rnd) -> {
            float g = j < 10 ? 0f : Math.min(1f, (j - 10) / 15f);
            for (int k = 0; k < src.length; k++) {
                out[k] = g * src[k] + 16f * (1 - g) + (float) rnd.nextGaussian();
            }
        };
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), fade, 8, null);
        TemporalAlignment a = check("black 10 + fade 15", fg, bg, footage, t, TemporalOptions.of(25, 25));
        assertTrue(!a.uninformative().isEmpty() && a.uninformative().get(0).first() == 0,
                "black intro not flagged uninformative: " + a.uninformative());
    }

    @Test
    void staticStretchAnyFrozenFrameCounts() {
        SceneFootage frozen = new SceneFootage(7, 200, 239);
        DescriptorSequence bgFrozen = frozen.bg(700, DescriptorSpec.standard(), 1f, 9);
        int[] t = truth(450, j -> 100 + j);
        DescriptorSequence fg = frozen.fg(t, DescriptorSpec.standard(), SceneFootage.plain(1f), 10, null);
        assertMostlyMatched(check("static 40 in bg", fg, bgFrozen, frozen, t, TemporalOptions.of(25, 25)), "static");
    }

    @Test
    void foreignFramesAreReportedUnmatched() {
        int[] t = truth(400, j -> 40 + j);
        SceneFootage[] source = new SceneFootage[t.length];
        Arrays.fill(source, 150, 180, other);
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), SceneFootage.plain(1f), 11, source);
        TemporalAlignment a = check("30 foreign frames", fg, bg, footage, t, TemporalOptions.of(25, 25));
        assertCovers(a.unmatched(), 150, 179, "foreign");
    }

    @Test
    void fgRunsPastBgEnd() {
        DescriptorSequence shortBg = footage.bg(400, DescriptorSpec.standard(), 1f, 12);
        int[] t = truth(400, j -> 100 + j);
        DescriptorSequence fg = footage.fg(t, DescriptorSpec.standard(), SceneFootage.plain(1f), 13, null);
        int[] clamped = truth(400, j -> Math.min(399, 100 + j));
        TemporalAlignment a = check("bg ends at fg 300", fg, shortBg, footage, clamped, TemporalOptions.of(25, 25));
        assertCovers(a.unmatched(), 300, 399, "past end");
    }

    @Test
    void letterboxedFgWithContentMask() {
        DescriptorSpec spec = DescriptorSpec.withMask(ThumbMask.content(32, 32, 0, 6, 32, 20));
        DescriptorSequence bgMasked = footage.bg(700, spec, 1f, 14);
        int[] t = truth(500, j -> 40 + j);
        SceneFootage.Grade bars = (j, src, out, rnd) -> {
            for (int k = 0; k < src.length; k++) {
                int row = k / 32;
                out[k] = row < 6 || row >= 26 ? 0f : 0.8f * src[k] + 10f + (float) rnd.nextGaussian();
            }
        };
        DescriptorSequence fg = footage.fg(t, spec, bars, 15, null);
        assertMostlyMatched(check("letterbox + mask", fg, bgMasked, footage, t, TemporalOptions.of(25, 25)), "letterbox");
    }

    @Test
    void borderModeComparesOnlyTheEdgeBand() {
        DescriptorSpec spec = DescriptorSpec.withMask(ThumbMask.border(32, 32, 4));
        DescriptorSequence bgBorder = footage.bg(700, spec, 1f, 16);
        int[] t = truth(500, j -> 40 + j);
        // Inside the band the fg shows other footage: only the edges agree with the bg.
        SceneFootage.Grade inset = (j, src, out, rnd) -> {
            float[] alien = other.fgThumb(300 + j);
            for (int k = 0; k < src.length; k++) {
                int u = k % 32;
                int v = k / 32;
                boolean edge = u < 4 || v < 4 || u >= 28 || v >= 28;
                out[k] = (edge ? src[k] : alien[k]) + (float) rnd.nextGaussian();
            }
        };
        DescriptorSequence fg = footage.fg(t, spec, inset, 17, null);
        assertMostlyMatched(check("border band 4", fg, bgBorder, footage, t, TemporalOptions.of(25, 25)), "border");
    }

    private static void assertCovers(List<FrameRange> ranges, int first, int last, String name) {
        int covered = 0;
        int outside = 0;
        for (FrameRange r : ranges) {
            for (int i = r.first(); i <= r.last(); i++) {
                if (i >= first && i <= last) {
                    covered++;
                } else {
                    outside++;
                }
            }
        }
        int want = last - first + 1;
        assertTrue(covered >= want - 2 && outside <= 2,
                name + ": unmatched " + ranges + " should cover " + first + ".." + last);
    }
}
