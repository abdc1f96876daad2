package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;

class CompositorTest {

    private static final int W = 320;
    private static final int H = 180;
    private static final Scene SCENE = new Scene(7, W, H);

    /** Composites a fg cut from the scene at {@code cut} but drawn at {@code drawn}; returns the canvas. */
    private static byte[] overlayCut(Viewport cut, double drawnX, double drawnY, int threads) {
        byte[] fg = new byte[cut.width() * cut.height() * 3];
        SCENE.renderRgb(40, cut, fg);
        byte[] bg = new byte[W * H * 3];
        // A flat grey bg, so any pixel of the bg showing through is obvious.
        Arrays.fill(bg, (byte) 128);
        ByteBuffer canvas = ByteBuffer.wrap(bg);
        OverlayGeometry g = new OverlayGeometry(W, H, cut.width(), cut.height(), drawnX, drawnY, cut.scale());
        try (Compositor c = new Compositor(g, threads)) {
            c.composite(fg, canvas);
        }
        return bg;
    }

    private static byte[] truth() {
        byte[] full = new byte[W * H * 3];
        SCENE.renderRgb(40, Viewport.full(W, H), full);
        return full;
    }

    @Test
    void integerOffsetAtScaleOneIsAnExactCopyAndLeavesTheRestAlone() {
        byte[] fg = new byte[16 * 8 * 3];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = (byte) (i * 7 + 3);
        }
        byte[] bg = new byte[64 * 32 * 3];
        Arrays.fill(bg, (byte) 9);
        try (Compositor c = new Compositor(new OverlayGeometry(64, 32, 16, 8, 20, 10, 1.0), 1)) {
            c.composite(fg, ByteBuffer.wrap(bg));
        }
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                for (int ch = 0; ch < 3; ch++) {
                    int got = bg[(y * 64 + x) * 3 + ch];
                    boolean inside = x >= 20 && x < 36 && y >= 10 && y < 18;
                    int want = inside ? fg[((y - 10) * 16 + x - 20) * 3 + ch] : 9;
                    assertEquals(want, got, "pixel " + x + "," + y + " ch " + ch);
                }
            }
        }
    }

    @Test
    void subPixelPlacementMatchesTheSceneRenderedAtThatOffset() {
        // The fg is the scene seen through (83.4, 47.7); laid back at that offset it must continue
        // the scene seamlessly, i.e. equal the bg rendered directly.
        Viewport cut = new Viewport(83.4, 47.7, 1.0, 160, 90);
        byte[] truth = truth();
        byte[] right = overlayCut(cut, 83.4, 47.7, 2);
        byte[] halfOff = overlayCut(cut, 83.9, 48.2, 2);
        byte[] rounded = overlayCut(cut, 83, 48, 2);
        // Compare the interior (1 px in from the edges, where the fg covers whole pixels).
        double ok = Images.psnr(right, truth, W, 85, 49, 243, 137);
        double bad = Images.psnr(halfOff, truth, W, 85, 49, 243, 137);
        double whole = Images.psnr(rounded, truth, W, 85, 49, 243, 137);
        System.out.printf("sub-pixel placement PSNR vs direct render: at (83.4,47.7) %.1f dB, "
                + "rounded to (83,48) %.1f dB, half a pixel off %.1f dB%n", ok, whole, bad);
        assertTrue(ok >= 38, "placement at the true offset: " + ok + " dB");
        assertTrue(ok > whole + 4, "sub-pixel must beat whole-pixel placement: " + ok + " vs " + whole);
        assertTrue(ok > bad + 6, "a half-pixel shift must show: " + ok + " vs " + bad);
    }

    @Test
    void downscaledFgMatchesTheScene() {
        // A fg at twice the bg's resolution, drawn at scale 0.5.
        Viewport cut = new Viewport(60.3, 30.6, 0.5, 300, 200);
        byte[] truth = truth();
        byte[] got = overlayCut(cut, 60.3, 30.6, 2);
        double p = Images.psnr(got, truth, W, 62, 32, 208, 129);
        System.out.printf("downscale 0.5 PSNR vs direct render: %.1f dB%n", p);
        assertTrue(p >= 32, "downscale: " + p + " dB");
    }

    @Test
    void upscaledFgMatchesTheScene() {
        // A fg at 1/1.6 of the bg's resolution, drawn at scale 1.6: softer, but in the right place.
        Viewport cut = new Viewport(40.2, 20.9, 1.6, 120, 80);
        byte[] truth = truth();
        byte[] got = overlayCut(cut, 40.2, 20.9, 2);
        byte[] off = overlayCut(cut, 41.0, 21.7, 2);
        double p = Images.psnr(got, truth, W, 43, 23, 229, 146);
        double q = Images.psnr(off, truth, W, 43, 23, 229, 146);
        System.out.printf("upscale 1.6 PSNR vs direct render: %.1f dB (0.8 px off: %.1f dB)%n", p, q);
        assertTrue(p >= 24, "upscale: " + p + " dB");
        assertTrue(p > q + 2, "upscale placement must matter: " + p + " vs " + q);
    }

    @Test
    void edgePixelsBlendByCoverage() {
        byte[] fg = new byte[4 * 4 * 3];
        Arrays.fill(fg, (byte) 255);
        byte[] bg = new byte[20 * 20 * 3];
        try (Compositor c = new Compositor(new OverlayGeometry(20, 20, 4, 4, 10.25, 5.5, 1.0), 1)) {
            c.composite(fg, ByteBuffer.wrap(bg));
        }
        // Row 7 is fully covered vertically; columns 10 and 14 are 3/4 and 1/4 covered.
        assertEquals(0, bg[(7 * 20 + 9) * 3] & 0xff);
        assertEquals(191, bg[(7 * 20 + 10) * 3] & 0xff);
        assertEquals(255, bg[(7 * 20 + 12) * 3] & 0xff);
        assertEquals(64, bg[(7 * 20 + 14) * 3] & 0xff);
        assertEquals(0, bg[(7 * 20 + 15) * 3] & 0xff);
        // Row 5 is half covered: the corner pixel is 3/4 × 1/2.
        assertEquals(128, bg[(5 * 20 + 12) * 3] & 0xff);
        assertEquals(96, bg[(5 * 20 + 10) * 3] & 0xff);
    }

    @Test
    void fgSticksOutOfTheCanvasAndIsClipped() {
        Viewport cut = new Viewport(-30.5, 120.25, 1.0, 100, 80);
        byte[] truth = truth();
        // Only Scene coordinates inside the bg are compared; the rest is clipped away.
        byte[] got = overlayCut(cut, -30.5, 120.25, 1);
        double p = Images.psnr(got, truth, W, 0, 122, 68, H);
        System.out.printf("clipped fg PSNR: %.1f dB%n", p);
        assertTrue(p >= 38, "clipped: " + p);
        // Outside the fg the grey bg is untouched.
        assertEquals(128, got[(10 * W + 10) * 3] & 0xff);
        assertEquals(128, got[(150 * W + 70) * 3] & 0xff);
    }

    @Test
    void fgEntirelyOffTheCanvasChangesNothing() {
        byte[] got = overlayCut(new Viewport(0, 0, 1.0, 50, 50), 400, -100, 2);
        byte[] grey = new byte[W * H * 3];
        Arrays.fill(grey, (byte) 128);
        assertArrayEquals(grey, got);
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() {
        Viewport cut = new Viewport(33.7, 21.1, 0.8, 200, 150);
        byte[] one = overlayCut(cut, 33.7, 21.1, 1);
        byte[] three = overlayCut(cut, 33.7, 21.1, 3);
        assertArrayEquals(one, three);
    }

    @Test
    void speedAtFullHd() {
        // A 1920x870 fg at a sub-pixel offset, and a 3840x2160 fg downscaled by 0.5, onto 1080p.
        for (double[] c : new double[][] {{1920, 870, 0.4, 105.3, 1.0}, {3840, 2160, 0.3, 0.6, 0.5}}) {
            OverlayGeometry g = new OverlayGeometry(1920, 1080, (int) c[0], (int) c[1], c[2], c[3], c[4]);
            byte[] fg = new byte[(int) c[0] * (int) c[1] * 3];
            new java.util.Random(1).nextBytes(fg);
            ByteBuffer canvas = ByteBuffer.allocateDirect(1920 * 1080 * 3);
            for (int threads : new int[] {1, 2}) {
                try (Compositor comp = new Compositor(g, FeatherMask.of(g, 8), threads)) {
                    for (int i = 0; i < 10; i++) {
                        comp.composite(fg, canvas);
                    }
                    int n = 5;
                    long t = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        comp.composite(fg, canvas);
                    }
                    double ms = (System.nanoTime() - t) / 1e6 / n;
                    System.out.printf("composite %dx%d fg at scale %.1f onto 1080p, %d thread(s): %.1f ms/frame%n",
                            (int) c[0], (int) c[1], c[4], threads, ms);
                    assertTrue(ms < 2000, "absurdly slow: " + ms);
                }
            }
        }
    }
}
