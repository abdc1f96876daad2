package org.vidkompy.ofx.effect;

import org.junit.jupiter.api.Test;
import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.PixelDepth;
import org.vidkompy.ofx.image.RectI;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BilinearCompositorTest {
    private final BilinearCompositor compositor = new BilinearCompositor();

    private static ImageView image(int w, int h) {
        ByteBuffer b = ByteBuffer.allocateDirect(w * h * 16).order(ByteOrder.nativeOrder());
        return ImageView.wrap(b, 0, new RectI(0, 0, w, h), w * 16, PixelDepth.FLOAT);
    }

    private static void fill(ImageView v, float r, float g, float b, float a) {
        for (int y = v.bounds().y1(); y < v.bounds().y2(); y++) {
            for (int x = v.bounds().x1(); x < v.bounds().x2(); x++) {
                v.setPixel(x, y, new float[] {r, g, b, a});
            }
        }
    }

    @Test
    void integerOffsetAtScaleOneCopiesPixelsExactly() {
        ImageView fg = image(4, 2);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 2; y++) {
                fg.setPixel(x, y, new float[] {x / 4f, y, 0, 1});
            }
        }
        ImageView bg = image(8, 6);
        fill(bg, 0, 0, 1, 1);
        ImageView out = image(8, 6);
        Placement p = new Placement(2, 1, 1, 0, new double[] {0, 0, 4, 2}, new double[] {0, 0, 8, 6});
        compositor.composite(fg, bg, out, out.bounds(), p, new double[] {1, 1});
        // fg top-left at (2, 1) from the bg top: OFX rows 6-1-1=4 (fg top row y=1) and 3 (fg y=0)
        assertEquals(0f, out.get(2, 4, 0));
        assertEquals(1f, out.get(2, 4, 1), "fg top row");
        assertEquals(0.75f, out.get(5, 3, 0));
        assertEquals(0f, out.get(5, 3, 1), "fg bottom row");
        assertEquals(0f, out.get(5, 3, 2), "opaque fg hides bg");
        assertEquals(1f, out.get(1, 4, 2), "bg left of fg");
        assertEquals(1f, out.get(6, 4, 2), "bg right of fg");
        assertEquals(1f, out.get(2, 5, 2), "bg above fg");
        assertEquals(1f, out.get(2, 2, 2), "bg below fg");
    }

    @Test
    void halfRenderScaleAndScaledForegroundLandWhereCanonicalSays() {
        ImageView fg = image(2, 2); // fg canonical 4x4 at render scale 0.5
        fill(fg, 1, 0, 0, 1);
        ImageView bg = image(8, 8); // bg canonical 16x16
        fill(bg, 0, 0, 1, 1);
        ImageView out = image(8, 8);
        // fg scaled x2 -> 8x8 canonical at (4, 4) from the top: canonical x 4..12, y-up 4..12 -> pixels 2..6
        Placement p = new Placement(4, 4, 2, 0, new double[] {0, 0, 4, 4}, new double[] {0, 0, 16, 16});
        compositor.composite(fg, bg, out, out.bounds(), p, new double[] {0.5, 0.5});
        assertEquals(1f, out.get(3, 3, 0), 1e-6);
        assertEquals(1f, out.get(4, 4, 0), 1e-6);
        assertEquals(0f, out.get(1, 3, 0), 1e-6);
        assertEquals(1f, out.get(1, 3, 2), 1e-6);
        assertEquals(0f, out.get(3, 7, 0), 1e-6);
    }

    @Test
    void fractionalOffsetsGiveExactEdgeCoverage() {
        ImageView fg = image(4, 4);
        fill(fg, 1, 1, 1, 1);
        ImageView bg = image(8, 4);
        fill(bg, 0, 0, 0, 1);
        ImageView out = image(8, 4);
        Placement p = new Placement(2.5, 0, 1, 0, new double[] {0, 0, 4, 4}, new double[] {0, 0, 8, 4});
        compositor.composite(fg, bg, out, out.bounds(), p, new double[] {1, 1});
        assertEquals(0f, out.get(1, 1, 0), 1e-6);
        assertEquals(0.5f, out.get(2, 1, 0), 1e-6, "half covered");
        assertEquals(1f, out.get(3, 1, 0), 1e-6);
        assertEquals(0.5f, out.get(6, 1, 0), 1e-6, "half covered on the right");
        assertEquals(0f, out.get(7, 1, 0), 1e-6);
        assertEquals(1f, out.get(2, 1, 3), 1e-6, "alpha stays opaque over an opaque background");
    }

    @Test
    void writesOnlyInsideTheWindowAndFeathersEdges() {
        ImageView fg = image(10, 10);
        fill(fg, 1, 1, 1, 1);
        ImageView bg = image(10, 10);
        fill(bg, 0, 0, 0, 1);
        ImageView out = image(10, 10);
        fill(out, 0.5f, 0.5f, 0.5f, 0.5f);
        Placement p = new Placement(0, 0, 1, 4, new double[] {0, 0, 10, 10}, new double[] {0, 0, 10, 10});
        compositor.composite(fg, bg, out, new RectI(0, 0, 5, 10), p, new double[] {1, 1});
        assertEquals(0.5f, out.get(7, 5, 0), "outside the window");
        assertEquals(0.5f / 4, out.get(0, 5, 0), 1e-6, "0.5 px from the edge of a 4 px feather");
        assertEquals(1f, out.get(4, 5, 0), 1e-6, "4.5 px in: full foreground");
    }

    @Test
    void withoutBackgroundCopiesTheForeground() {
        ImageView fg = image(3, 3);
        fill(fg, 0.2f, 0.4f, 0.6f, 1);
        ImageView out = image(4, 4);
        compositor.composite(fg, null, out, out.bounds(), null, new double[] {1, 1});
        assertEquals(0.4f, out.get(2, 2, 1));
        assertEquals(0f, out.get(3, 3, 3), "outside the foreground: transparent");
    }
}
