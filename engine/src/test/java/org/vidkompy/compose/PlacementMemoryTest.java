package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The compositor allocates for the visible part of the fg only: not in proportion to 1/scale, nor to
 * the fg's unclipped size when it is scaled up or placed far off the canvas.
 */
class PlacementMemoryTest {

    private static final int BW = 1280;
    private static final int BH = 720;
    private static final int FW = 1920;
    private static final int FH = 1080;
    private static final double[] SCALES = {1e-9, 1.0 / 64, 0.37, 1, 64, 1e6};
    private static final double[] OFFSETS = {-1e12, -5000, -900.5, 10.3, 1000.7, 5000, 1e12};

    @Test
    void weightsAreBoundedByTheCanvasAndTheFg() {
        for (double s : SCALES) {
            for (double o : OFFSETS) {
                AxisWeights w = AxisWeights.build(FW, o, s, BW);
                assertTrue(w.count <= BW, "count " + w.count);
                // Per output at most the taps a kernel as wide as the fg needs, plus four.
                assertTrue(w.taps <= FW + 8, "scale " + s + ": " + w.taps + " taps");
                assertTrue((long) w.index.length <= (long) Math.max(1, w.count) * (FW + 8));
            }
        }
    }

    @Test
    void compositingAnyPlacementAllocatesAboutTheCanvasAtMost() {
        byte[] fg = new byte[FW * FH * 3];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = (byte) (i * 31 >> 3);
        }
        byte[] bg = new byte[BW * BH * 3];
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (double s : SCALES) {
            for (double o : OFFSETS) {
                Arrays.fill(bg, (byte) 77);
                OverlayGeometry g = new OverlayGeometry(BW, BH, FW, FH, o, o * 0.5, s);
                long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                try (Compositor c = new Compositor(g, 1)) {
                    c.composite(fg, ByteBuffer.wrap(bg));
                }
                long used = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
                // Alpha, weights and one band's scratch: a few canvases' worth, whatever the placement.
                assertTrue(used < 8L * BW * BH * 4, "scale " + s + " at " + o + " allocated " + (used >> 20) + " MiB");
                if (!g.visible()) {
                    byte[] untouched = new byte[bg.length];
                    Arrays.fill(untouched, (byte) 77);
                    assertArrayEquals(untouched, bg, "an fg off the canvas leaves the bg alone");
                }
            }
        }
    }
}
