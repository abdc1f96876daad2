package org.vidkompy.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AreaSamplerTest {

    /** The exact coverage-weighted mean of the source area an output pixel covers, in doubles. */
    private static double reference(byte[] src, int sw, int sh, double x0, double y0, double w, double h, int ow,
                                    int oh, int ox, int oy) {
        double ax = x0 + ox * w / ow;
        double bx = ax + w / ow;
        double ay = y0 + oy * h / oh;
        double by = ay + h / oh;
        double sum = 0;
        double total = 0;
        for (int y = 0; y < sh; y++) {
            double cy = Math.min(by, y + 1) - Math.max(ay, y);
            if (cy <= 0) {
                continue;
            }
            for (int x = 0; x < sw; x++) {
                double cx = Math.min(bx, x + 1) - Math.max(ax, x);
                if (cx <= 0) {
                    continue;
                }
                sum += cx * cy * (src[y * sw + x] & 0xff);
                total += cx * cy;
            }
        }
        return sum / total;
    }

    @Test
    void everyOutputPixelIsTheMeanOfTheAreaItCovers() {
        Random r = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int sw = 8 + r.nextInt(120);
            int sh = 8 + r.nextInt(90);
            double w = 2 + r.nextDouble() * (sw - 2);
            double h = 2 + r.nextDouble() * (sh - 2);
            // Areas touching the right and bottom edges too: where the padded taps must move left.
            double x0 = r.nextBoolean() ? sw - w : r.nextDouble() * (sw - w);
            double y0 = r.nextBoolean() ? sh - h : r.nextDouble() * (sh - h);
            int ow = 1 + r.nextInt((int) Math.ceil(w) + 4);
            int oh = 1 + r.nextInt((int) Math.ceil(h) + 4);
            byte[] data = new byte[5 + sw * sh];
            r.nextBytes(data);
            AreaSampler s = new AreaSampler(sw, sh, x0, y0, w, h, ow, oh);
            Plane out = Plane.allocate(ow, oh);
            s.apply(data, 5, out);
            byte[] plain = java.util.Arrays.copyOfRange(data, 5, data.length);
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    assertEquals(reference(plain, sw, sh, x0, y0, w, h, ow, oh, ox, oy), out.data()[oy * ow + ox], 2e-3,
                            "trial " + trial + " pixel " + ox + "," + oy);
                }
            }
            Plane twin = Plane.allocate(ow, oh);
            s.twin().apply(data, 5, twin);
            org.junit.jupiter.api.Assertions.assertArrayEquals(out.data(), twin.data());
        }
    }

    /**
     * Noise left in a cut of white noise: the variance of the output pixels. A plain area mean half a
     * source pixel along averages more pixels than at a whole one and leaves less noise; through
     * {@link AreaSampler#PHASE_FREE_BLUR} the noise is the same wherever the cut lies.
     */
    private static double noiseLeft(byte[] src, int sw, int sh, double x0, double y0, double w, double h, double blur) {
        Plane out = Plane.allocate(48, 27);
        new AreaSampler(sw, sh, x0, y0, w, h, 48, 27, blur).apply(src, 0, out);
        double std = PlaneStats.of(out).std();
        return std * std;
    }

    @Test
    void aPhaseFreeCutLeavesTheSameNoiseWhereverItLies() {
        Random r = new Random(3);
        int sw = 400;
        int sh = 240;
        byte[] src = new byte[sw * sh];
        for (int k = 0; k < src.length; k++) {
            src[k] = (byte) Math.max(0, Math.min(255, Math.round(128 + 40 * r.nextGaussian())));
        }
        for (double ratio : new double[] {0.6, 1, 1.25, 2, 3.3}) {
            double w = 48 * ratio;
            double h = 27 * ratio;
            double whole = noiseLeft(src, sw, sh, 100, 60, w, h, 0);
            double half = noiseLeft(src, sw, sh, 100.5, 60.5, w, h, 0);
            double wholeBlurred = noiseLeft(src, sw, sh, 100, 60, w, h, AreaSampler.PHASE_FREE_BLUR);
            double halfBlurred = noiseLeft(src, sw, sh, 100.5, 60.5, w, h, AreaSampler.PHASE_FREE_BLUR);
            if (ratio == 1 || ratio == 2) {
                // At 1:1 and 2:1 the plain cut half a pixel along leaves half to three quarters as much.
                org.junit.jupiter.api.Assertions.assertTrue(half < 0.8 * whole, ratio + ": " + half + " vs " + whole);
            }
            // Sampling noise of ~1300 output pixels is a few percent; the phase effect was 25-50 %.
            assertEquals(1, halfBlurred / wholeBlurred, 0.08, "ratio " + ratio);
        }
    }

    @Test
    void blurZeroIsThePlainAreaMean() {
        Random r = new Random(11);
        byte[] src = new byte[64 * 40];
        r.nextBytes(src);
        Plane a = Plane.allocate(20, 12);
        Plane b = Plane.allocate(20, 12);
        new AreaSampler(64, 40, 3.3, 2.7, 41.5, 25.1, 20, 12).apply(src, 0, a);
        new AreaSampler(64, 40, 3.3, 2.7, 41.5, 25.1, 20, 12, 0).apply(src, 0, b);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.data(), b.data());
    }

    @Test
    void aBlurredCutOfAnEvenPictureIsEven() {
        byte[] src = new byte[64 * 40];
        java.util.Arrays.fill(src, (byte) 77);
        Plane out = Plane.allocate(20, 12);
        new AreaSampler(64, 40, 0, 0, 64, 40, 20, 12, AreaSampler.PHASE_FREE_BLUR).apply(src, 0, out);
        for (float v : out.data()) {
            assertEquals(77, v, 1e-3);
        }
    }
}
