package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.ContentBoxDetector;
import org.vidkompy.image.Plane;
import org.vidkompy.synth.Scene;

/**
 * Ground-truth placements cut from a procedural scene. Every case prints its errors; the limits are
 * the (0.5 px, 0.5 %) unless a case says tighter.
 */
class SpatialAlignerTest {

    static final double MAX_POSITION_ERROR = 0.5;
    static final double MAX_SCALE_ERROR = 0.005;

    private final SpatialAligner aligner = new SpatialAligner(new CpuCorrelator());
    private final Scene scene = new Scene(1, 320, 180);

    @Test
    void subPixelOffsetAtScaleOne() {
        List<Plane> fg = Frames.fg(scene, 37.3, 21.8, 1, 160, 90, 5, 25, 45, 65);
        List<Plane> bg = Frames.bg(scene, 5, 25, 45, 65);
        SpatialAlignment a = locate("scale 1 at (37.3, 21.8)", fg, bg, SpatialOptions.defaults());
        assertPlacement(a, 37.3, 21.8, 1, 0.1);
        assertEquals(1.0, a.scale(), 0.0, "unscaled keeps exactly 1");
        assertTrue(a.confidence() > 0.98, "clean cut should correlate almost perfectly");
        assertTrue(a.consensus().unanimous(), "all fg samples should agree: " + a.consensus());
    }

    @Test
    void upscaledForegroundHalfScale() {
        // The fg is the bg region from (50.6, 40.2) shown twice as large: fg→bg factor 0.5.
        List<Plane> fg = Frames.fg(scene, 50.6, 40.2, 0.5, 320, 180, 10, 30, 50);
        List<Plane> bg = Frames.bg(scene, 10, 30, 50);
        SpatialAlignment a = locate("upscaled 2x, scale 0.5", fg, bg, SpatialOptions.defaults());
        assertPlacement(a, 50.6, 40.2, 0.5, MAX_POSITION_ERROR);
    }

    @Test
    void scaleSearchFindsPointEight() {
        List<Plane> fg = Frames.fg(scene, 60.4, 30.7, 0.8, 200, 120, 8, 28, 48);
        List<Plane> bg = Frames.bg(scene, 8, 28, 48);
        SpatialAlignment a = locate("scale 0.8, unscaled=false", fg, bg, SpatialOptions.defaults().withUnscaled(false));
        assertPlacement(a, 60.4, 30.7, 0.8, MAX_POSITION_ERROR);
    }

    @Test
    void unscaledStillTakesPointEightWhenClearlyBetter() {
        List<Plane> fg = Frames.fg(scene, 60.4, 30.7, 0.8, 200, 120, 8, 28, 48);
        List<Plane> bg = Frames.bg(scene, 8, 28, 48);
        SpatialAlignment a = locate("scale 0.8, unscaled=true", fg, bg, SpatialOptions.defaults());
        assertPlacement(a, 60.4, 30.7, 0.8, MAX_POSITION_ERROR);
    }

    @Test
    void unscaledKeepsScaleOneWhenScaledSearchIsOnlyMarginallyBetter() {
        // Noise and blur leave a residual that a free scale can nibble at; it must not tempt unscaled mode.
        List<Plane> fg = new ArrayList<>();
        int seed = 0;
        for (Plane p : Frames.fg(scene, 81.6, 47.2, 1, 180, 100, 12, 32, 52)) {
            fg.add(Frames.noise(Frames.blur(p, 1.2), 8, seed++));
        }
        List<Plane> bg = Frames.bg(scene, 12, 32, 52);
        SpatialAlignment unit = locate("tempting scale 1, unscaled=true", fg, bg, SpatialOptions.defaults());
        SpatialAlignment free = locate("tempting scale 1, unscaled=false", fg, bg,
                SpatialOptions.defaults().withUnscaled(false));
        assertEquals(1.0, unit.scale(), 0.0);
        assertPlacement(unit, 81.6, 47.2, 1, MAX_POSITION_ERROR);
        assertPlacement(free, 81.6, 47.2, 1, MAX_POSITION_ERROR);
        System.out.printf("  free scale %.5f reaches ZNCC %.5f vs %.5f at scale 1%n",
                free.scale(), free.confidence(), unit.confidence());
        assertTrue(free.scale() != 1.0, "the free search should have wandered off 1 a little");
    }

    @Test
    void foregroundLargerThanBackgroundAtHalfScale() {
        List<Plane> fg = Frames.fg(scene, 70.2, 33.9, 0.5, 400, 240, 4, 24, 44);
        List<Plane> bg = Frames.bg(scene, 4, 24, 44);
        SpatialAlignment a = locate("fg 400x240 > bg, scale 0.5", fg, bg, SpatialOptions.defaults());
        assertPlacement(a, 70.2, 33.9, 0.5, MAX_POSITION_ERROR);
    }

    @Test
    void foregroundLargerThanBackgroundAtPointSeven() {
        List<Plane> fg = Frames.fg(scene, 20.5, 5.25, 0.7, 400, 240, 4, 24, 44);
        List<Plane> bg = Frames.bg(scene, 4, 24, 44);
        SpatialAlignment a = locate("fg 400x240 > bg, scale 0.7", fg, bg, SpatialOptions.defaults());
        assertPlacement(a, 20.5, 5.25, 0.7, MAX_POSITION_ERROR);
    }

    @Test
    void letterboxedForegroundReportsWholeFramePosition() {
        List<Plane> fg = new ArrayList<>();
        for (Plane p : Frames.fg(scene, 61.7, 40.4, 1, 192, 108, 6, 26, 46)) {
            fg.add(Frames.noise(Frames.bars(p, 8, 16, 8, 16, 0), 2, p.hashCode()));
        }
        PixelRect box = new ContentBoxDetector().detect(fg);
        System.out.println("letterbox: detected " + box + ", true 8,16 192x108");
        assertEquals(new PixelRect(8, 16, 192, 108), box);
        List<Plane> bg = Frames.bg(scene, 6, 26, 46);
        SpatialAlignment a = locate("letterboxed + pillarboxed", fg, bg, SpatialOptions.defaults());
        // The bars sit outside the bg: the whole frame starts 8 px left of and 16 px above the picture.
        // Three samples only, with fast-moving objects in them: a quarter pixel is what a sample set
        // this small guarantees (the analysis then refines with same-moment pairs).
        assertPlacement(a, 61.7 - 8, 40.4 - 16, 1, 0.25);
    }

    @Test
    void gradedAndNoisyForeground() {
        List<Plane> fg = new ArrayList<>();
        long seed = 100;
        for (Plane p : Frames.fg(scene, 37.3, 21.8, 1, 160, 90, 5, 25, 45, 65)) {
            fg.add(Frames.noise(Frames.grade(p, 1.3, -20), 6, seed++));
        }
        List<Plane> bg = Frames.bg(scene, 5, 25, 45, 65);
        SpatialAlignment a = locate("graded 1.3/-20 + noise 6", fg, bg, SpatialOptions.defaults());
        assertPlacement(a, 37.3, 21.8, 1, MAX_POSITION_ERROR);
    }

    @Test
    void blackAndFadingFirstSamplesAreIgnored() {
        List<Plane> fg = new ArrayList<>();
        fg.add(Frames.black(160, 90));
        fg.add(Frames.grade(Frames.fg(scene, 44.6, 30.1, 1, 160, 90, 3).get(0), 0.01, 0));
        fg.addAll(Frames.fg(scene, 44.6, 30.1, 1, 160, 90, 30, 60));
        List<Plane> bg = new ArrayList<>();
        bg.add(Frames.black(320, 180));
        bg.addAll(Frames.bg(scene, 3, 30, 60));
        SpatialAlignment a = locate("black + fading first samples", fg, bg, SpatialOptions.defaults());
        assertPlacement(a, 44.6, 30.1, 1, 0.25);
        assertEquals(2, a.consensus().voting(), "black and 1 %-faded frames must not vote");
    }

    @Test
    void halfTheSamplesHaveNoTemporalCounterpart() {
        // fg samples at scene frames 0, 40, 80, 120; bg samples only at 0, 40 and far away at 200, 260.
        List<Plane> fg = Frames.fg(scene, 90.4, 55.5, 1, 150, 90, 0, 40, 80, 120);
        List<Plane> bg = Frames.bg(scene, 200, 0, 260, 40);
        SpatialAlignment a = locate("half of the times do not correspond", fg, bg, SpatialOptions.defaults());
        assertPlacement(a, 90.4, 55.5, 1, MAX_POSITION_ERROR);
    }

    @Test
    void largerBackground() {
        Scene big = new Scene(7, 640, 360);
        List<Plane> fg = Frames.fg(big, 101.35, 77.65, 1, 320, 180, 10, 50, 90);
        List<Plane> bg = Frames.bg(big, 10, 50, 90);
        SpatialAlignment a = locate("bg 640x360, fg 320x180", fg, bg, SpatialOptions.defaults());
        assertPlacement(a, 101.35, 77.65, 1, 0.1);
    }

    @Test
    void singleImageInImage() {
        Plane fg = Frames.fg(scene, 12.25, 70.75, 1, 100, 60, 20).get(0);
        Plane bg = Frames.bg(scene, 20).get(0);
        long t0 = System.nanoTime();
        SpatialAlignment a = aligner.locate(fg, bg, SpatialOptions.defaults());
        report("single image in image", a, (System.nanoTime() - t0) / 1e6);
        assertPlacement(a, 12.25, 70.75, 1, 0.1);
    }

    @Test
    void unrelatedForegroundIsNoMatch() {
        Scene other = new Scene(2, 320, 180);
        List<Plane> fg = Frames.fg(other, 40, 30, 1, 160, 90, 5, 25, 45);
        List<Plane> bg = Frames.bg(scene, 5, 25, 45);
        NoMatchException e = assertThrows(NoMatchException.class,
                () -> aligner.locate(fg, bg, SpatialOptions.defaults()));
        System.out.println("no match: " + e.getMessage());
        assertTrue(e.bestConfidence() < SpatialOptions.DEFAULT_MIN_CONFIDENCE);
        assertTrue(e.getMessage().startsWith("no overlap found (best confidence"));
    }

    @Test
    void allFlatSamplesAreNoMatch() {
        NoMatchException e = assertThrows(NoMatchException.class, () -> aligner.locate(
                List.of(Frames.black(100, 50)), Frames.bg(scene, 1), SpatialOptions.defaults()));
        assertEquals(0, e.bestConfidence());
    }

    /** Pairs with nothing to measure leave the start where it was, saying so: confidence 0, not the start's own. */
    @Test
    void flatPairsLeaveTheStartUnmeasured() {
        SpatialAlignment start = new SpatialAlignment(30, 20, 1, 0.9);
        SpatialAlignment r = aligner.refine(List.of(Frames.black(100, 50)), Frames.bg(scene, 1), start,
                SpatialOptions.defaults());
        assertEquals(30, r.x(), 0.0);
        assertEquals(20, r.y(), 0.0);
        assertEquals(0, r.confidence(), 0.0);
        SpatialAlignment measured = aligner.refine(Frames.fg(scene, 30, 20, 1, 160, 90, 5),
                Frames.bg(scene, 5), start, SpatialOptions.defaults());
        assertTrue(measured.confidence() > 0.99, "measured: " + measured.confidence());
    }

    /** Fewer than half agreeing, or one sample alone behind the winner, is doubt; half of many is not. */
    @Test
    void aTieIsDoubt() {
        assertTrue(new SpatialAlignment(0, 0, 1, 0.9, new SpatialAlignment.Consensus(1, 2)).doubtful());
        assertTrue(new SpatialAlignment(0, 0, 1, 0.9, new SpatialAlignment.Consensus(3, 7)).doubtful());
        assertTrue(new SpatialAlignment(0, 0, 1, 0.9, new SpatialAlignment.Consensus(1, 1)).doubtful());
        assertTrue(!new SpatialAlignment(0, 0, 1, 0.9, new SpatialAlignment.Consensus(12, 24)).doubtful());
        assertTrue(!new SpatialAlignment(0, 0, 1, 0.9, new SpatialAlignment.Consensus(2, 2)).doubtful());
        assertTrue(!new SpatialAlignment(0, 0, 1, 0.9, new SpatialAlignment.Consensus(2, 3)).doubtful());
        assertTrue(!new SpatialAlignment(0, 0, 1, 0.9, SpatialAlignment.Consensus.NONE).doubtful());
    }

    @Test
    void fixedShiftSkipsSearchAndMeasuresConfidence() {
        List<Plane> fg = Frames.fg(scene, 30, 20, 1, 160, 90, 5, 25);
        List<Plane> bg = Frames.bg(scene, 5, 25);
        SpatialAlignment right = aligner.locate(fg, bg, SpatialOptions.defaults().withShift(30, 20));
        SpatialAlignment wrong = aligner.locate(fg, bg, SpatialOptions.defaults().withZeroShift());
        SpatialAlignment outside = aligner.locate(fg, bg, SpatialOptions.defaults().withShift(250, 0));
        System.out.printf("fixed shift: right %.4f, zero %.4f, outside %.4f%n",
                right.confidence(), wrong.confidence(), outside.confidence());
        assertEquals(30, right.x(), 0.0);
        assertEquals(20, right.y(), 0.0);
        assertEquals(1, right.scale(), 0.0);
        assertTrue(right.confidence() > 0.99);
        assertEquals(0, wrong.x(), 0.0);
        assertTrue(wrong.confidence() < 0.5);
        assertEquals(1.0, outside.confidence(), 0.0);
    }

    @Test
    void everyPrecisionLevelMeetsTheTarget() {
        List<Plane> fg = Frames.fg(scene, 37.3, 21.8, 0.9, 160, 100, 5, 25, 45, 65, 85);
        List<Plane> bg = Frames.bg(scene, 5, 25, 45, 65, 85);
        for (int level = 0; level <= PrecisionPreset.MAX_LEVEL; level++) {
            SpatialAlignment a = locate("precision " + level + ", scale 0.9", fg, bg,
                    SpatialOptions.defaults().withUnscaled(false).withPrecision(level));
            assertPlacement(a, 37.3, 21.8, 0.9, MAX_POSITION_ERROR);
        }
    }

    private SpatialAlignment locate(String name, List<Plane> fg, List<Plane> bg, SpatialOptions options) {
        long t0 = System.nanoTime();
        SpatialAlignment a = aligner.locate(fg, bg, options);
        report(name, a, (System.nanoTime() - t0) / 1e6);
        return a;
    }


    private static void report(String name, SpatialAlignment a, double ms) {
        System.out.printf("%-40s %s  (%.0f ms)%n", name, a, ms);
    }

    private static void assertPlacement(SpatialAlignment a, double x, double y, double s, double maxPx) {
        double ex = a.x() - x;
        double ey = a.y() - y;
        double es = (a.scale() - s) / s;
        System.out.printf("  error: dx=%+.4f dy=%+.4f px, scale %+.4f %%%n", ex, ey, 100 * es);
        assertEquals(x, a.x(), maxPx, "x");
        assertEquals(y, a.y(), maxPx, "y");
        assertEquals(0, es, MAX_SCALE_ERROR, "relative scale error");
    }
}
