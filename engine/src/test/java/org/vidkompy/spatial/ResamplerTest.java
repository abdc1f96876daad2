package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vidkompy.image.Plane;
import org.vidkompy.image.Resampler;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;

class ResamplerTest {

    @Test
    void linearRampIsReproducedExactlyAtAnyOffsetAndStep() {
        // A linear function is its own bilinear interpolant, so every cell mean is the value at the cell
        // centre: this pins down the pixel-centre convention.
        Plane ramp = Plane.allocate(40, 30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                ramp.set(x, y, (float) (2.0 * (x + 0.5) + 3.0 * (y + 0.5)));
            }
        }
        for (double step : new double[] {0.37, 1, 1.7, 3}) {
            double x0 = 5.3;
            double y0 = 4.6;
            Plane out = Resampler.sample(ramp, x0, y0, step, 6, 5);
            for (int v = 0; v < 5; v++) {
                for (int u = 0; u < 6; u++) {
                    double cx = x0 + (u + 0.5) * step;
                    double cy = y0 + (v + 0.5) * step;
                    assertEquals(2 * cx + 3 * cy, out.get(u, v), 1e-3, "step " + step + " at " + u + "," + v);
                }
            }
        }
    }

    @Test
    void resampledBackgroundMatchesSceneViewport() {
        Scene scene = new Scene(11, 320, 180);
        Plane bg = Frames.render(scene, 3, Viewport.full(320, 180));
        Plane fg = Frames.render(scene, 3, new Viewport(37.3, 21.8, 1, 120, 80));
        Plane warped = Resampler.sample(bg, 37.3, 21.8, 1, 120, 80);
        double err = 0;
        for (int i = 0; i < 120 * 80; i++) {
            err += Math.abs(fg.data()[i] - warped.data()[i]);
        }
        err /= 120 * 80;
        System.out.printf("bg resampled at (37.3, 21.8) vs scene viewport: mean abs diff %.2f gray%n", err);
        assertEquals(0, err, 3.0);
    }
}
