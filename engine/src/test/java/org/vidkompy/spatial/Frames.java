package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vidkompy.image.Plane;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;

/** Builds ground-truth sample frames from a {@link Scene} and degrades them the way real footage is. */
final class Frames {

    private Frames() {
    }

    static List<Plane> bg(Scene scene, int... frames) {
        List<Plane> out = new ArrayList<>();
        for (int f : frames) {
            out.add(render(scene, f, Viewport.full(scene.width(), scene.height())));
        }
        return out;
    }

    /** Fg frames whose pixel (u, v) covers bg [x + u*s, x + (u+1)*s) x [y + v*s, ...). */
    static List<Plane> fg(Scene scene, double x, double y, double s, int w, int h, int... frames) {
        List<Plane> out = new ArrayList<>();
        for (int f : frames) {
            out.add(render(scene, f, new Viewport(x, y, s, w, h)));
        }
        return out;
    }

    static Plane render(Scene scene, int frame, Viewport vp) {
        Plane p = Plane.allocate(vp.width(), vp.height());
        scene.renderGray(frame, vp, p.data());
        return p;
    }

    static Plane black(int w, int h) {
        return Plane.allocate(w, h);
    }

    /** Colour grading as a straight line, clipped to 8-bit range like an encoder would. */
    static Plane grade(Plane p, double gain, double bias) {
        Plane out = Plane.allocate(p.width(), p.height());
        for (int i = 0; i < p.width() * p.height(); i++) {
            out.data()[i] = clip(p.data()[i] * gain + bias);
        }
        return out;
    }

    static Plane noise(Plane p, double sigma, long seed) {
        Random rnd = new Random(seed);
        Plane out = Plane.allocate(p.width(), p.height());
        for (int i = 0; i < p.width() * p.height(); i++) {
            out.data()[i] = clip(p.data()[i] + sigma * rnd.nextGaussian());
        }
        return out;
    }

    /** Separable Gaussian blur, edges extended. */
    static Plane blur(Plane p, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int w = p.width();
        int h = p.height();
        Plane tmp = Plane.allocate(w, h);
        Plane out = Plane.allocate(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int i = -r; i <= r; i++) {
                    acc += k[i + r] * p.get(Math.max(0, Math.min(w - 1, x + i)), y);
                }
                tmp.set(x, y, (float) acc);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int i = -r; i <= r; i++) {
                    acc += k[i + r] * tmp.get(x, Math.max(0, Math.min(h - 1, y + i)));
                }
                out.set(x, y, (float) acc);
            }
        }
        return out;
    }

    /** Puts {@code p} on a black canvas with bars of the given widths (values: black level). */
    static Plane bars(Plane p, int left, int top, int right, int bottom, float black) {
        int w = p.width() + left + right;
        int h = p.height() + top + bottom;
        Plane out = Plane.allocate(w, h);
        java.util.Arrays.fill(out.data(), black);
        for (int y = 0; y < p.height(); y++) {
            System.arraycopy(p.data(), y * p.width(), out.data(), (y + top) * w + left, p.width());
        }
        return out;
    }

    private static float clip(double v) {
        return (float) Math.max(0, Math.min(255, v));
    }
}
