package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;

/**
 * An fg partly outside the bg (issue 11) is drawn where it lies, cropped by the canvas: the part
 * over the canvas continues the scene, the rest of the canvas is untouched, nothing fails.
 */
class OverhangCompositeTest {

    private static final int W = 320;
    private static final int H = 180;
    /** Room for picture beyond the bg frame, so the fg has real content where it overhangs. */
    private static final Scene SCENE = new Scene(7, W, H, -1, -1, 120, 80);

    @Test
    void anFgOverTheRightAndTopEdgesIsDrawnCropped() {
        double x = 240.4;
        double y = -30.7;
        Viewport cut = new Viewport(x, y, 1.0, 160, 90);
        byte[] fg = new byte[cut.width() * cut.height() * 3];
        SCENE.renderRgb(40, cut, fg);
        byte[] canvas = new byte[W * H * 3];
        Arrays.fill(canvas, (byte) 128);
        try (Compositor c = new Compositor(new OverlayGeometry(W, H, cut.width(), cut.height(), x, y, 1.0), 2)) {
            c.composite(fg, ByteBuffer.wrap(canvas));
        }
        byte[] truth = new byte[W * H * 3];
        SCENE.renderRgb(40, Viewport.full(W, H), truth);
        // The covered part (1 px in from the fg's edges inside the canvas) continues the scene.
        double psnr = Images.psnr(canvas, truth, W, 242, 0, W, 58);
        assertTrue(psnr >= 38, "the overhanging fg's visible part: " + psnr + " dB");
        // Left of and below the fg the canvas is untouched.
        for (int py = 0; py < H; py++) {
            for (int px = 0; px < W; px++) {
                if (px < 240 || py >= 60) {
                    for (int ch = 0; ch < 3; ch++) {
                        assertEquals(128, canvas[(py * W + px) * 3 + ch] & 0xff, "pixel " + px + "," + py);
                    }
                }
            }
        }
    }
}
