package org.vidkompy.ofx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vidkompy.compose.Compositor;
import org.vidkompy.compose.FeatherMask;
import org.vidkompy.compose.OverlayGeometry;
import org.vidkompy.ofx.effect.Overlay;
import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.PixelDepth;
import org.vidkompy.ofx.image.RectI;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

/** The plugin's render against the engine's compositor on the same decoded frames. */
class OverlayRendererTest {
    private static final double X = 83.4;
    private static final double Y = 47.7;
    private static Decoded fg;
    private static Decoded bg;

    @BeforeAll
    static void fixture() {
        GeneratedPair pair = Fixtures.demo();
        fg = Decoded.read(pair.foreground());
        bg = Decoded.read(pair.background());
    }

    private static Overlay placement(double feather) {
        return new Overlay(Overlay.controls(X, Y, 1.0), feather, new double[] {0, 0, fg.width(), fg.height()},
                new double[] {0, 0, bg.width(), bg.height()});
    }

    /** What vidkompy render draws: RGB24, top row first. */
    private static byte[] engine(int fgFrame, int bgFrame, double margin) {
        OverlayGeometry g = new OverlayGeometry(bg.width(), bg.height(), fg.width(), fg.height(), X, Y, 1.0);
        ByteBuffer canvas = ByteBuffer.wrap(bg.rgb(bgFrame));
        try (Compositor c = new Compositor(g, FeatherMask.of(g, margin), 1)) {
            c.composite(fg.rgb(fgFrame), canvas);
        }
        return canvas.array();
    }

    private static ImageView output(int w, int h, PixelDepth depth) {
        ByteBuffer b = ByteBuffer.allocateDirect(w * h * depth.pixelBytes()).order(ByteOrder.nativeOrder());
        return ImageView.wrap(b, 0, new RectI(0, 0, w, h), w * depth.pixelBytes(), depth);
    }

    /** Largest difference between the output (within its bounds) and an RGB24 top-down frame. */
    private static int maxDiff(ImageView out, byte[] rgb, int w) {
        int worst = 0;
        RectI b = out.bounds();
        for (int y = b.y1(); y < b.y2(); y++) {
            int row = b.y2() - 1 - y;
            for (int x = b.x1(); x < b.x2(); x++) {
                for (int c = 0; c < 3; c++) {
                    worst = Math.max(worst, Math.abs(out.get8(x, y, c) - (rgb[(row * w + x) * 3 + c] & 0xff)));
                }
                assertEquals(255, out.get8(x, y, 3), "opaque video stays opaque");
            }
        }
        return worst;
    }

    @Test
    void eightBitEqualsTheEngineRender() {
        try (OverlayRenderer r = new OverlayRenderer()) {
            for (int i : new int[] {0, 40, 149}) {
                ImageView out = output(bg.width(), bg.height(), PixelDepth.BYTE);
                r.render(fg.view(i), bg.view(30 + i), out, out.bounds(), placement(0), new double[] {1, 1});
                assertEquals(0, maxDiff(out, engine(i, 30 + i, 0), bg.width()), "frame " + i);
            }
            assertEquals(1, r.cachedGeometries(), "one compositor for one geometry");
        }
    }

    @Test
    void floatAndFeatherEqualTheEngineRender() {
        try (OverlayRenderer r = new OverlayRenderer()) {
            ImageView out = output(bg.width(), bg.height(), PixelDepth.FLOAT);
            r.render(fg.floatView(7), bg.floatView(37), out, out.bounds(), placement(8), new double[] {1, 1});
            assertTrue(maxDiff(out, engine(7, 37, 8), bg.width()) <= 1);
        }
    }

    @Test
    void renderWindowOnlyWritesInside() {
        try (OverlayRenderer r = new OverlayRenderer()) {
            ImageView out = output(bg.width(), bg.height(), PixelDepth.BYTE);
            RectI window = new RectI(60, 40, 200, 120);
            r.render(fg.view(3), bg.view(33), out, window, placement(0), new double[] {1, 1});
            byte[] full = engine(3, 33, 0);
            for (int y = 0; y < bg.height(); y++) {
                for (int x = 0; x < bg.width(); x++) {
                    boolean inside = x >= 60 && x < 200 && y >= 40 && y < 120;
                    int row = bg.height() - 1 - y;
                    int want = inside ? full[(row * bg.width() + x) * 3 + 1] & 0xff : 0;
                    assertEquals(want, out.get8(x, y, 1), "(" + x + "," + y + ")");
                    assertEquals(inside ? 255 : 0, out.get8(x, y, 3));
                }
            }
        }
    }

    @Test
    void halfRenderScalePlacesTheForegroundAtHalfTheOffset() {
        // fg and bg at half size: a white fg on a black bg lands at (X/2, Y/2) with the same scale
        int fw = fg.width() / 2, fh = fg.height() / 2, bw = bg.width() / 2, bh = bg.height() / 2;
        ImageView white = output(fw, fh, PixelDepth.FLOAT);
        ImageView black = output(bw, bh, PixelDepth.FLOAT);
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < fw; x++) {
                white.setPixel(x, y, new float[] {1, 1, 1, 1});
            }
        }
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                black.setPixel(x, y, new float[] {0, 0, 0, 1});
            }
        }
        ImageView out = output(bw, bh, PixelDepth.FLOAT);
        try (OverlayRenderer r = new OverlayRenderer()) {
            r.render(white, black, out, out.bounds(), placement(0), new double[] {0.5, 0.5});
        }
        // X/2 = 41.7: column 41 is 30% covered, 42 fully; Y/2 = 23.85 from the top
        int y = bh - 1 - 30;
        assertEquals(0, out.get8(40, y, 0));
        assertEquals(Math.round(0.3 * 255), out.get8(41, y, 0), 1);
        assertEquals(255, out.get8(42, y, 0));
        assertEquals(255, out.get8(40 + fw, y, 0));
        assertEquals(Math.round(0.7 * 255), out.get8(41 + fw, y, 0), 1, "the fg ends at 41.7 + 80");
        assertEquals(0, out.get8(42 + fw, y, 0));
        assertEquals(Math.round(0.15 * 255), out.get8(60, bh - 1 - 23, 0), 1, "row 23 is 15% covered");
        assertEquals(255, out.get8(60, bh - 1 - 24, 0));
    }

    @Test
    void concurrentRendersGiveTheSameFramesAndKeepFewCompositors() throws Exception {
        try (OverlayRenderer r = new OverlayRenderer()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> diffs = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                int i = k * 9;
                diffs.add(pool.submit(() -> {
                    ImageView out = output(bg.width(), bg.height(), PixelDepth.BYTE);
                    r.render(fg.view(i), bg.view(30 + i), out, out.bounds(), placement(0), new double[] {1, 1});
                    return maxDiff(out, engine(i, 30 + i, 0), bg.width());
                }));
            }
            for (Future<Integer> d : diffs) {
                assertEquals(0, d.get());
            }
            pool.shutdown();
            for (int k = 0; k < 12; k++) {
                ImageView out = output(bg.width(), bg.height(), PixelDepth.BYTE);
                r.render(fg.view(0), bg.view(30), out, out.bounds(), new Overlay(Overlay.controls(k, 0, 1), 0,
                        new double[] {0, 0, fg.width(), fg.height()}, new double[] {0, 0, bg.width(), bg.height()}),
                        new double[] {1, 1});
            }
            assertEquals(OverlayRenderer.CACHED_GEOMETRIES, r.cachedGeometries());
        }
    }
}
