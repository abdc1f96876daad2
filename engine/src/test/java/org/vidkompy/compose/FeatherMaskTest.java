package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatherMaskTest {

    @Test
    void rampsFromTheEdgeToTheMarginInside() {
        // fg 160x90 at integer (80, 40) in a 320x180 bg: all four edges have bg beyond them.
        FeatherMask m = FeatherMask.of(new OverlayGeometry(320, 180, 160, 90, 80, 40, 1.0), 8);
        assertEquals(new FeatherMask.Edges(true, true, true, true), m.edges());
        // Left edge, middle row: pixel k's centre is k + 0.5 px inside, so alpha = (k + 0.5) / 8.
        for (int k = 0; k < 8; k++) {
            assertEquals((k + 0.5) / 8, m.alpha(80 + k, 85), 1e-3, "column " + k);
        }
        assertEquals(1.0, m.alpha(88, 85), 1e-6);
        assertEquals(1.0, m.alpha(160, 85), 1e-6);
        // Right and bottom edges mirror it.
        assertEquals(0.5 / 8, m.alpha(239, 85), 1e-3);
        assertEquals(0.5 / 8, m.alpha(160, 129), 1e-3);
        assertEquals(3.5 / 8, m.alpha(160, 40 + 3), 1e-3);
        // Corners take the smaller of the two ramps.
        assertEquals(0.5 / 8, m.alpha(80, 40), 1e-3);
        assertEquals(2.5 / 8, m.alpha(85, 42), 1e-3);
        // Outside the fg: nothing.
        assertEquals(0, m.alpha(79, 85));
        assertEquals(0, m.alpha(240, 85));
    }

    @Test
    void fractionalEdgesAverageTheRampOverTheCoveredPart() {
        FeatherMask m = FeatherMask.of(new OverlayGeometry(320, 180, 160, 90, 83.4, 47.7, 1.0), 8);
        // Pixel 83 is covered over [83.4, 84): mean distance 0.3 px.
        assertEquals(0.3 / 8, m.alpha(83, 90), 1e-3);
        assertEquals((90.5 - 83.4) / 8, m.alpha(90, 90), 1e-3);
        assertEquals(1.0, m.alpha(92, 90), 1e-6);
    }

    @Test
    void edgesFlushWithTheCanvasStayHard() {
        // Like the original's test clip: fg full width at the top, bg visible only below it.
        OverlayGeometry g = new OverlayGeometry(320, 180, 320, 140, 0, 0, 1.0);
        FeatherMask m = FeatherMask.of(g, 8);
        assertEquals(new FeatherMask.Edges(false, false, false, true), m.edges());
        assertEquals(1.0, m.alpha(0, 0), 1e-6);
        assertEquals(1.0, m.alpha(319, 50), 1e-6);
        assertEquals(1.0, m.alpha(0, 131), 1e-6);
        assertEquals(0.5 / 8, m.alpha(100, 139), 1e-3);
        assertEquals(7.5 / 8, m.alpha(319, 132), 1e-3);
        // An fg hanging over the canvas edge is hard there too.
        FeatherMask over = FeatherMask.of(new OverlayGeometry(320, 180, 100, 100, -10.5, 100, 1.0), 8);
        assertFalse(over.edges().left());
        assertFalse(over.edges().bottom());
        assertTrue(over.edges().top());
        assertEquals(1.0, over.alpha(0, 150), 1e-6);
    }

    @Test
    void noneIsHardEverywhere() {
        FeatherMask m = FeatherMask.none(new OverlayGeometry(320, 180, 160, 90, 80, 40, 1.0));
        assertEquals(1.0, m.alpha(80, 40), 1e-6);
        assertEquals(1.0, m.alpha(239, 129), 1e-6);
    }

    @Test
    void theCompositorBlendsTheFeatheredEdgeWithTheBg() {
        OverlayGeometry g = new OverlayGeometry(64, 32, 32, 16, 16, 8, 1.0);
        byte[] fg = new byte[32 * 16 * 3];
        Arrays.fill(fg, (byte) 200);
        byte[] bg = new byte[64 * 32 * 3];
        Arrays.fill(bg, (byte) 40);
        try (Compositor c = new Compositor(g, FeatherMask.of(g, 4), 1)) {
            c.composite(fg, ByteBuffer.wrap(bg));
        }
        // Middle row, from the left edge inwards: 40 + 160 * (k + 0.5) / 4.
        int row = 16;
        assertEquals(40, bg[(row * 64 + 15) * 3] & 0xff);
        assertEquals(60, bg[(row * 64 + 16) * 3] & 0xff);
        assertEquals(100, bg[(row * 64 + 17) * 3] & 0xff);
        assertEquals(180, bg[(row * 64 + 19) * 3] & 0xff);
        assertEquals(200, bg[(row * 64 + 20) * 3] & 0xff);
    }
}
