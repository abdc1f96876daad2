package org.vidkompy.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeGridTest {

    @Test
    void aConstantRateClipIsItsOwnGrid() {
        double[] t = new double[100];
        for (int i = 0; i < t.length; i++) {
            t[i] = 1.001 + i / 29.97;
        }
        TimeGrid g = TimeGrid.of(t, 29.97);
        assertTrue(g.isIdentity());
        assertEquals(29.97, g.fps(), 1e-6);
    }

    @Test
    void dropsLeaveEmptySlotsAndJitterStaysInItsSlot() {
        // 30 fps capture, frames 3, 4 and 9 dropped, frame 6 late by a third of a frame.
        double[] t = {0, 1, 2, 5, 6.33, 7, 8, 10, 11, 12, 13};
        for (int i = 0; i < t.length; i++) {
            t[i] /= 30;
        }
        TimeGrid g = TimeGrid.of(t, 30);
        assertFalse(g.isIdentity());
        assertEquals(14, g.slots());
        int[] want = {0, 1, 2, 5, 6, 7, 8, 10, 11, 12, 13};
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], g.slotOf(i), "frame " + i);
        }
    }

    @Test
    void slotsAlwaysRiseAndLongPausesAreShortened() {
        double[] t = {0, 0.001, 0.002, 0.04, 0.08, 100.0, 100.04};
        TimeGrid g = TimeGrid.of(t, 25);
        for (int i = 1; i < t.length; i++) {
            assertTrue(g.slotOf(i) > g.slotOf(i - 1));
        }
        assertTrue(g.slots() <= t.length + TimeGrid.MAX_GAP + 1, "slots " + g.slots());
    }
}
