package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidkompy.image.Plane;
import org.vidkompy.synth.Scene;

/**
 * {@link SearchSession#measure}: the best pair's full-resolution ZNCC at a placement, found by screening
 * every fg sample against every bg sample on a coarse level first. It must give what measuring every pair
 * at full resolution gives, where one pair is the same moment and the others are not.
 */
class SearchSessionMeasureTest {

    private final Scene scene = new Scene(3, 320, 180);

    @Test
    void screenedMeasureEqualsEveryPairAtFullResolution() {
        int[] fgFrames = {10, 30, 50, 70, 90, 110};
        int[] bgFrames = {12, 50, 75, 140, 160, 200};
        List<Plane> fg = Frames.fg(scene, 61.4, 33.2, 1.25, 160, 90, fgFrames);
        List<Plane> bg = Frames.bg(scene, bgFrames);
        PrecisionPreset preset = PrecisionPreset.of(2);
        SearchSession session = new SearchSession(fg, bg, preset, new CpuCorrelator());
        assertTrue(fg.size() * bg.size() > SearchSession.MEASURED, "more pairs than are measured in full");

        for (ContentPlacement p : List.of(new ContentPlacement(61.4, 33.2, 1.25),
                new ContentPlacement(64.0, 30.5, 1.25), new ContentPlacement(20, 70, 1.1))) {
            PlacementRefiner everyPair = new PlacementRefiner(new LevelCache(fg, bg),
                    new Bounds(320, 180, 160, 90, SearchSession.MIN_SCALE, false));
            List<SamplePair> pairs = new ArrayList<>();
            for (int f = 0; f < fg.size(); f++) {
                for (int b = 0; b < bg.size(); b++) {
                    pairs.add(new SamplePair(f, b));
                }
            }
            double best = -1;
            for (double z : everyPair.measure(p, pairs, 1)) {
                best = Math.max(best, z);
            }
            assertEquals(best, session.measure(p), 1e-12, "at " + p);
        }
        assertTrue(session.measure(new ContentPlacement(61.4, 33.2, 1.25)) > 0.99,
                "the same moment at the truth correlates all but perfectly");
    }
}
