package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vidkompy.io.PixelLayout;

/**
 * The chroma planes are sampled at H.264's chroma positions: chroma sample (i, j) stands at luma
 * pixel-centre position (2i, 2j + 0.5). An fg whose planes are linear ramps in luma position must
 * land with every bg sample holding the ramp's value at that sample's own position mapped into
 * the fg, whatever the offset and scale (the cubic reproduces linear ramps exactly).
 */
class YuvCompositorTest {

    private static final int BW = 160;
    private static final int BH = 120;
    private static final int FW = 56;
    private static final int FH = 48;
    /** Code values per fg luma pixel: steep, so a phase error shows, and whole at every sample (no rounding). */
    private static final double K = 4;

    @Test
    void everyPlaneIsSampledAtItsOwnPositions() {
        double[][] placements = {{40, 30, 1.0}, {41, 31, 1.0}, {40.3, 30.6, 1.0}, {30.25, 20.8, 0.5},
            {21.7, 11.4, 2.0}, {33.1, 25.9, 1.5}};
        for (double[] pl : placements) {
            check(pl[0], pl[1], pl[2]);
        }
    }

    private static void check(double x, double y, double s) {
        int fcw = PixelLayout.chromaWidth(FW);
        int fch = PixelLayout.chromaHeight(FH);
        byte[] fg = new byte[PixelLayout.YUV420P.bytes(FW, FH)];
        for (int j = 0; j < FH; j++) {
            for (int i = 0; i < FW; i++) {
                fg[j * FW + i] = (byte) Math.round(16 + K * i);
            }
        }
        for (int j = 0; j < fch; j++) {
            for (int i = 0; i < fcw; i++) {
                // U ramps across (sample i at luma x = 2i), V down (sample j at luma y = 2j + 0.5).
                fg[FW * FH + j * fcw + i] = (byte) Math.round(16 + K * 2 * i);
                fg[FW * FH + fcw * fch + j * fcw + i] = (byte) Math.round(16 + K * (2 * j + 0.5));
            }
        }
        ByteBuffer canvas = ByteBuffer.allocateDirect(PixelLayout.YUV420P.bytes(BW, BH));
        byte[] grey = new byte[canvas.capacity()];
        Arrays.fill(grey, (byte) 128);
        canvas.put(0, grey);
        OverlayGeometry g = new OverlayGeometry(BW, BH, FW, FH, x, y, s);
        try (YuvCompositor c = new YuvCompositor(g, FeatherMask.none(g), 2)) {
            c.composite(fg, canvas);
        }
        int cw = PixelLayout.chromaWidth(BW);
        int ch = PixelLayout.chromaHeight(BH);
        // Far enough inside the fg that no filter tap reaches its edge (two chroma samples either side).
        double margin = 5 * Math.max(1, s) + 3;
        int checked = 0;
        for (int p = 0; p < 3; p++) {
            int pw = p == 0 ? BW : cw;
            int ph = p == 0 ? BH : ch;
            int off = p == 0 ? 0 : BW * BH + (p - 1) * cw * ch;
            for (int j = 0; j < ph; j++) {
                for (int i = 0; i < pw; i++) {
                    // This sample's position in bg luma pixel-centre coordinates.
                    double lx = p == 0 ? i : 2 * i;
                    double ly = p == 0 ? j : 2 * j + 0.5;
                    if (lx < x + margin || lx > x + FW * s - margin || ly < y + margin || ly > y + FH * s - margin) {
                        continue;
                    }
                    // ... and in fg luma pixel-centre coordinates.
                    double u = (lx + 0.5 - x) / s - 0.5;
                    double v = (ly + 0.5 - y) / s - 0.5;
                    double want = 16 + K * (p == 2 ? v : u);
                    int got = canvas.get(off + j * pw + i) & 0xff;
                    assertEquals(want, got, 0.75, "plane " + p + " sample " + i + "," + j + " for the fg at " + x
                            + "," + y + " scale " + s);
                    checked++;
                }
            }
        }
        assertTrue(checked > 30, "checked " + checked);
    }
}
