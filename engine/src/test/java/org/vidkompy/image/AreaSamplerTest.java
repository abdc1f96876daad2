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
}
