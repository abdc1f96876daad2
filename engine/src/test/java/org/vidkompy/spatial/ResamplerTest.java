package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vidkompy.image.Plane;
import org.vidkompy.image.PlaneStats;
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
        for (double[] c : new double[][] {{0.37, 5.3, 4.6}, {1, 5.3, 4.6}, {1, 7.5, 3}, {1.7, 2.25, 8.5},
                {3, 5.3, 4.6}, {2.5, 3.5, 2.5}}) {
            double step = c[0];
            double x0 = c[1];
            double y0 = c[2];
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
    void matchesNumericIntegrationOfTheCubicInterpolant() {
        java.util.Random rnd = new java.util.Random(9);
        Plane src = Plane.allocate(12, 1);
        for (int i = 0; i < 12; i++) {
            src.data()[i] = (float) (rnd.nextDouble() * 255);
        }
        for (double[] c : new double[][] {{0.6, 3.2}, {1, 2.5}, {1.3, 0.1}, {2.2, 0.75}}) {
            double step = c[0];
            double x0 = c[1];
            Plane out = Resampler.sample(src, x0, 0, step, 3, 1);
            for (int u = 0; u < 3; u++) {
                double a = x0 + u * step;
                int n = 20000;
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += cubicAt(src, a + (k + 0.5) * step / n);
                }
                assertEquals(sum / n, out.get(u, 0), 1e-2, "step " + step + " x0 " + x0 + " u " + u);
            }
        }
    }

    /** Keys cubic (a = -1/2) interpolation at position x, pixel centres at i + 0.5, edges extended. */
    private static double cubicAt(Plane src, double x) {
        double t = x - 0.5;
        int i0 = (int) Math.floor(t);
        double sum = 0;
        for (int i = i0 - 1; i <= i0 + 2; i++) {
            double d = Math.abs(t - i);
            double k = d <= 1 ? 1.5 * d * d * d - 2.5 * d * d + 1
                    : d < 2 ? -0.5 * d * d * d + 2.5 * d * d - 4 * d + 2 : 0;
            sum += k * src.data()[Math.max(0, Math.min(src.width() - 1, i))];
        }
        return sum;
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

    /** Variance of white noise resampled at {@code x0, y0} with {@code step}, through {@code blur}. */
    private static double noiseLeft(Plane src, double x0, double y0, double step, double blur) {
        Plane out = Plane.allocate(60, 40);
        Resampler.sampleInto(src, x0, y0, step, out, new Resampler.Scratch(), blur);
        double std = PlaneStats.of(out).std();
        return std * std;
    }

    @Test
    void blurMakesInterpolatedNoiseEvenAcrossPhases() {
        java.util.Random rnd = new java.util.Random(5);
        Plane src = Plane.allocate(200, 150);
        for (int k = 0; k < src.data().length; k++) {
            src.data()[k] = (float) rnd.nextGaussian();
        }
        // The cubic surface's cell means half a pixel along (both axes) leave two thirds of the noise at a whole pixel.
        double whole = noiseLeft(src, 40, 30, 1, 0);
        double half = noiseLeft(src, 40.5, 30.5, 1, 0);
        org.junit.jupiter.api.Assertions.assertTrue(half < 0.75 * whole, half + " vs " + whole);
        double wholeBlurred = noiseLeft(src, 40, 30, 1, 1.0);
        double halfBlurred = noiseLeft(src, 40.5, 30.5, 1, 1.0);
        assertEquals(1, halfBlurred / wholeBlurred, 0.1);
        // A scale a hair from 1 samples every phase; it is no quieter than 1 when blurred.
        double scaled = noiseLeft(src, 40, 30, 1.003, 1.0);
        assertEquals(1, scaled / wholeBlurred, 0.1);
    }

    @Test
    void aBlurredResampleOfAnEvenPictureIsEven() {
        Plane src = Plane.allocate(50, 30);
        java.util.Arrays.fill(src.data(), 3.5f);
        Plane out = Plane.allocate(20, 10);
        Resampler.sampleInto(src, 1.3, 2.6, 1.7, out, new Resampler.Scratch(), 1.0);
        for (float v : out.data()) {
            assertEquals(3.5, v, 1e-4);
        }
    }
}
