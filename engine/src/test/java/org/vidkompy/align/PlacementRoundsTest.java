package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** Which bg frames the final placement's same-moment pairs may not use. */
class PlacementRoundsTest {

    @Test
    void anFgReachingPastBothEndsHoldsOnBoth() {
        // 12 fg frames before a 20-frame bg excerpt, 15 after it.
        int[] map = new int[12 + 20 + 15];
        for (int i = 0; i < map.length; i++) {
            map[i] = Math.max(0, Math.min(19, i - 12));
        }
        IntPredicate held = PlacementRounds.heldEnds(map, 20);
        assertTrue(held.test(0));
        assertTrue(held.test(19));
        for (int j = 1; j < 19; j++) {
            assertFalse(held.test(j), "bg frame " + j);
        }
    }

    @Test
    void aHigherFgRateIsNotHeld() {
        // A 60 fps fg over a 24 fps bg, from the bg's first frame to its last: 2-3 fg frames on each.
        int[] map = new int[250];
        for (int i = 0; i < map.length; i++) {
            map[i] = (int) (i * 24 / 60.0);
        }
        IntPredicate held = PlacementRounds.heldEnds(map, 100);
        assertFalse(held.test(0));
        assertFalse(held.test(99));
    }

    @Test
    void onlyTheEndThatHolds() {
        // The fg starts with the bg and runs 30 frames past its end.
        int[] map = new int[80];
        for (int i = 0; i < map.length; i++) {
            map[i] = Math.min(49, i);
        }
        IntPredicate held = PlacementRounds.heldEnds(map, 50);
        assertFalse(held.test(0));
        assertTrue(held.test(49));
    }
}
