package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.temporal.TemporalAlignment;

/** Which of the places tried goes on where one's time runs straight and the best fitting one's bends. */
class PlacementChoiceTest {

    private static final int N = 120;
    private static final double[] FG_TIMES = times(N, 24);
    private static final double[] BG_TIMES = times(400, 24);

    private static double[] times(int n, double fps) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / fps;
        }
        return t;
    }

    /** A place tried whose map puts fg frame i on bg frame {@code start + rate * i}. */
    private static PlacementChoice.Choice tried(double confidence, double start, double rate, double misfit) {
        int[] map = new int[N];
        for (int i = 0; i < N; i++) {
            map[i] = (int) Math.round(start + rate * i);
        }
        float[] c = new float[N];
        Arrays.fill(c, 0.9f);
        TemporalAlignment t = new TemporalAlignment(map, c, 0.9, List.of(), List.of());
        return new PlacementChoice.Choice(new SpatialAlignment(10, 20, 1, confidence),
                new TimeMatcher.Match(t, BG_TIMES.length, null, null, null), misfit);
    }

    private static PlacementChoice.Choice instead(PlacementChoice.Choice... ranked) {
        return PlacementChoice.straightInstead(List.of(ranked), FG_TIMES, BG_TIMES);
    }

    /** The grainy 60 fps crop's case: the truth's time straight at 0.288, a place along the tilt at 2/3 speed 0.190. */
    @Test
    void straightTimeFittingNearlyAsWellGoesOn() {
        PlacementChoice.Choice straight = tried(0.72, 0, 1, 0.288);
        assertSame(straight, instead(tried(0.84, 42, 0.67, 0.190), straight));
        PlacementChoice.Choice close = tried(0.97, 120, 1, 0.0475);
        assertSame(close, instead(tried(0.95, 110, 1.3, 0.0468), tried(0.95, 100, 0.8, 0.0470), close));
    }

    @Test
    void straightTimeFittingFarWorseDoesNot() {
        assertNull(instead(tried(0.84, 42, 0.67, 0.190), tried(0.72, 0, 1, 0.32)));
    }

    /** An edited clip's time bends at every place, the truth's too: the best fitting stays. */
    @Test
    void noneStraightLeavesTheBest() {
        assertNull(instead(tried(0.9, 42, 0.67, 0.190), tried(0.9, 0, 1.25, 0.2)));
    }

    @Test
    void aStraightBestNeedsNothingElse() {
        assertNull(instead(tried(0.9, 0, 1, 0.19), tried(0.9, 42, 0.67, 0.1)));
    }

    /** A place no pair could measure says nothing, straight or not. */
    @Test
    void unmeasuredPlacesAreNotTaken() {
        assertNull(instead(tried(0.9, 42, 0.67, 0.190), tried(0, 0, 1, 0.2)));
        assertNull(instead(tried(0, 42, 0.67, 0.190), tried(0.9, 0, 1, 0.2)));
    }
}
