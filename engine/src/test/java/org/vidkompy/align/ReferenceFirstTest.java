package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.vidkompy.media.Clip;
import org.vidkompy.media.FrameRange;
import org.vidkompy.temporal.TemporalAlignment;

/** Which shift the reference frames' map and pictures say, when it answers for every frame, and what it becomes. */
class ReferenceFirstTest {

    /** A typical x264 pattern: reference frames 1 to 4 apart. */
    private static int[] refs(long seed, int frames) {
        Random r = new Random(seed);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < frames; i += 1 + r.nextInt(4)) {
            out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The reference frames' map of an fg whose frame {@code i} shows bg moment {@code truth(i)}: each on
     * the nearest reference frame, or (late) on the next one where its own was not decoded.
     */
    private static int[] refMap(int[] refs, int fgFrames, IntUnaryOperator truth, boolean late, long seed) {
        Random r = new Random(seed);
        int[] m = new int[fgFrames];
        for (int i = 0; i < fgFrames; i++) {
            int at = Arrays.binarySearch(refs, truth.applyAsInt(i));
            if (at >= 0) {
                m[i] = at;
            } else {
                int after = Math.min(refs.length - 1, -at - 1);
                m[i] = late || after == 0 || r.nextBoolean() ? after : after - 1;
            }
        }
        return m;
    }

    /** Pictures of a moving scene: the further from the moment, the worse, with a little noise. */
    private static ReferenceFirst.PictureCosts moving(int[] refs, int fgFrames, IntUnaryOperator truth, long seed) {
        return (low, shifts) -> {
            double[][] out = new double[shifts][refs.length];
            for (int s = 0; s < shifts; s++) {
                for (int k = 0; k < refs.length; k++) {
                    int i = refs[k] - (low + s);
                    if (i < 0 || i >= fgFrames) {
                        out[s][k] = Double.NaN;
                        continue;
                    }
                    int d = Math.abs(truth.applyAsInt(i) - refs[k]);
                    out[s][k] = 0.002 + 0.01 * Math.min(d, 6)
                            + 0.001 * new Random(seed * 7919 + i * 31L + k).nextDouble();
                }
            }
            return out;
        };
    }

    private static TemporalAlignment time(int[] map) {
        float[] conf = new float[map.length];
        Arrays.fill(conf, 0.99f);
        return new TemporalAlignment(map, conf, 0.99, List.of(), List.of());
    }

    @Test
    void thePicturesChooseTheShiftWhereverTheMapLeans() {
        for (long seed = 1; seed <= 20; seed++) {
            int bg = 300 + (int) seed * 7;
            int c = (int) (seed * 5 % 60);
            int fgFrames = 150 + (int) seed;
            int[] refs = refs(seed, bg);
            IntUnaryOperator truth = i -> i + c;
            for (boolean late : new boolean[] {false, true}) {
                TemporalAlignment t = time(refMap(refs, fgFrames, truth, late, seed));
                ReferenceFirst.PictureCosts pictures = moving(refs, fgFrames, truth, seed);
                assertEquals(c, ReferenceFirst.shift(t, refs, bg, true, pictures), "seed " + seed + " late " + late);
            }
        }
    }

    @Test
    void aMapAFrameOffThroughoutIsPutRightByThePictures() {
        int[] refs = refs(3, 400);
        IntUnaryOperator truth = i -> i + 40;
        // Every fg frame put a frame late wherever that frame was decoded: the map's commonest shift is 41.
        int[] m = refMap(refs, 200, i -> i + 41, true, 3);
        assertEquals(40, ReferenceFirst.shift(time(m), refs, 400, true, moving(refs, 200, truth, 3)));
    }

    @Test
    void aDroppedOrDoubledFrameOrACutOrDriftIsNotAShift() {
        int[] refs = refs(5, 500);
        List<IntUnaryOperator> truths = List.of(
                i -> i < 120 ? i + 40 : i + 41,            // one fg frame dropped
                i -> i < 120 ? i + 40 : i + 39,            // one bg frame shown twice
                i -> i < 90 ? i + 40 : i + 52,             // a cut
                i -> i + 40 + (int) Math.round(i * i * 0.03 / 400.0), // drift, 3 % by the end
                i -> i < 196 ? i + 40 : i + 41);           // a frame dropped near the end
        for (int k = 0; k < truths.size(); k++) {
            IntUnaryOperator truth = truths.get(k);
            TemporalAlignment t = time(refMap(refs, 200, truth, false, k));
            assertNull(ReferenceFirst.shift(t, refs, 500, true, moving(refs, 200, truth, k)), "case " + k);
        }
    }

    @Test
    void aStillSceneSaysNoShift() {
        int[] refs = refs(7, 400);
        TemporalAlignment t = time(refMap(refs, 200, i -> i + 40, false, 7));
        ReferenceFirst.PictureCosts still = (low, shifts) -> {
            double[][] out = new double[shifts][refs.length];
            for (double[] row : out) {
                Arrays.fill(row, 0.003);
            }
            return out;
        };
        assertNull(ReferenceFirst.shift(t, refs, 400, false, still));
    }

    @Test
    void oneReferenceFrameMatchingBadlyIsNotAnAnswerButStillAShiftToPlaceBy() {
        int[] refs = refs(9, 400);
        IntUnaryOperator truth = i -> i + 40;
        ReferenceFirst.PictureCosts pictures = moving(refs, 200, truth, 9);
        ReferenceFirst.PictureCosts withFlash = (low, shifts) -> {
            double[][] out = pictures.of(low, shifts);
            for (double[] row : out) {
                row[60] = 0.5; // a bg frame the fg does not show
            }
            return out;
        };
        TemporalAlignment t = time(refMap(refs, 200, truth, false, 9));
        assertNull(ReferenceFirst.shift(t, refs, 400, true, withFlash));
        assertEquals(40, ReferenceFirst.shift(t, refs, 400, false, withFlash));
    }

    @Test
    void anFgRunningPastTheBgOrNotFoundIsLeftToAllFrames() {
        int[] refs = refs(11, 300);
        IntUnaryOperator late = i -> i + 120;
        TemporalAlignment past = time(refMap(refs, 200, late, false, 11));
        assertNull(ReferenceFirst.shift(past, refs, 300, false, moving(refs, 200, late, 11)));
        IntUnaryOperator truth = i -> i + 20;
        int[] m = refMap(refs, 150, truth, false, 11);
        float[] conf = new float[150];
        Arrays.fill(conf, 0.99f);
        TemporalAlignment unmatched = new TemporalAlignment(m, conf, 0.99, List.of(new FrameRange(10, 20)), List.of());
        assertNull(ReferenceFirst.shift(unmatched, refs, 300, false, moving(refs, 150, truth, 11)));
    }

    @Test
    void everyFrameIsShiftedAndThoseWithoutTheirPartnerTakeTheLowerConfidenceAround() {
        int[] refs = {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40};
        int[] m = new int[30];
        float[] conf = new float[30];
        for (int i = 0; i < 30; i++) {
            m[i] = (i + 4) / 2; // shift 4: even fg frames on their own moment
            conf[i] = i % 2 == 0 ? 0.9f + i * 0.001f : 0.5f;
        }
        TemporalAlignment whole = ReferenceFirst.shifted(new TemporalAlignment(m, conf, 0.7, List.of(), List.of()),
                refs, 4);
        int[] expected = new int[30];
        Arrays.setAll(expected, i -> i + 4);
        assertArrayEquals(expected, whole.map());
        assertEquals(0.910f, whole.frameConfidence()[10], 1e-6);
        assertEquals(0.910f, whole.frameConfidence()[11], 1e-6);
        assertEquals(0.912f, whole.frameConfidence()[12], 1e-6);
    }

    @Test
    void onlyOneRateAndTheDefaultBandApply() {
        Clip bg = new Clip("bg", 320, 180, 25, 200);
        assertTrue(ReferenceFirst.applies(bg, new Clip("fg", 160, 90, 25, 150), AnalysisOptions.defaults()));
        assertFalse(ReferenceFirst.applies(bg, new Clip("fg", 160, 90, 30, 150), AnalysisOptions.defaults()));
        assertFalse(ReferenceFirst.applies(bg, new Clip("fg", 160, 90, 25, 150),
                new AnalysisOptions(AnalysisOptions.defaults().spatial(), 40, 0)));
        assertFalse(ReferenceFirst.applies(new Clip("bg", 320, 180, 24, ReferenceFirst.MAX_FRAMES + 1),
                new Clip("fg", 160, 90, 24, 150), AnalysisOptions.defaults()));
    }
}
