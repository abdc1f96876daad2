package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vidkompy.image.Plane;

class CpuCorrelatorTest {

    @Test
    void matchesBruteForceZncc() {
        Random rnd = new Random(4);
        Plane imgA = randomPlane(rnd, 23, 17);
        Plane imgB = randomPlane(rnd, 23, 17);
        // A flat patch must give 0, not a division by zero.
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 10; x++) {
                imgB.set(x, y, 50);
            }
        }
        Plane tplA = randomPlane(rnd, 7, 5);
        Plane tplB = randomPlane(rnd, 23, 3);
        List<Plane> templates = List.of(tplA, tplB);
        List<Plane> images = List.of(imgA, imgB);
        double[] worst = {0};
        int[] visits = {0};
        new CpuCorrelator().correlate(templates, images, (t, i, s) -> {
            visits[0]++;
            Plane tpl = templates.get(t);
            Plane img = images.get(i);
            assertEquals(img.width() - tpl.width() + 1, s.width());
            assertEquals(img.height() - tpl.height() + 1, s.height());
            for (int py = 0; py < s.height(); py++) {
                for (int px = 0; px < s.width(); px++) {
                    double want = bruteZncc(tpl, img, px, py);
                    worst[0] = Math.max(worst[0], Math.abs(want - s.at(px, py)));
                }
            }
        });
        System.out.printf("FFT ZNCC vs brute force: max error %.3g over %d pairs%n", worst[0], visits[0]);
        assertEquals(4, visits[0]);
        assertEquals(0, worst[0], 1e-5);
    }

    @Test
    void exactCutPeaksAtItsOffsetWithOne() {
        Random rnd = new Random(5);
        Plane img = randomPlane(rnd, 40, 30);
        Plane tpl = Plane.allocate(12, 9);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 12; x++) {
                tpl.set(x, y, 2 * img.get(x + 21, y + 13) - 40);
            }
        }
        new CpuCorrelator().correlate(List.of(tpl), List.of(img), (t, i, s) -> {
            assertEquals(1.0, s.at(21, 13), 1e-5);
            for (int k = 0; k < s.values().length && k < s.width() * s.height(); k++) {
                if (k != 13 * s.width() + 21) {
                    org.junit.jupiter.api.Assertions.assertTrue(s.values()[k] < 0.99);
                }
            }
        });
    }

    private static Plane randomPlane(Random rnd, int w, int h) {
        Plane p = Plane.allocate(w, h);
        for (int i = 0; i < w * h; i++) {
            p.data()[i] = (float) (rnd.nextDouble() * 255);
        }
        return p;
    }

    private static double bruteZncc(Plane tpl, Plane img, int px, int py) {
        int n = tpl.width() * tpl.height();
        double mt = 0;
        double mi = 0;
        for (int y = 0; y < tpl.height(); y++) {
            for (int x = 0; x < tpl.width(); x++) {
                mt += tpl.get(x, y);
                mi += img.get(px + x, py + y);
            }
        }
        mt /= n;
        mi /= n;
        double st = 0;
        double si = 0;
        double c = 0;
        for (int y = 0; y < tpl.height(); y++) {
            for (int x = 0; x < tpl.width(); x++) {
                double a = tpl.get(x, y) - mt;
                double b = img.get(px + x, py + y) - mi;
                st += a * a;
                si += b * b;
                c += a * b;
            }
        }
        if (si / n < CorrelationInputs.MIN_WINDOW_STD * CorrelationInputs.MIN_WINDOW_STD) {
            return 0;
        }
        return c / Math.sqrt(st * si);
    }
}
