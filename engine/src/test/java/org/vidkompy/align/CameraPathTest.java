package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.vidkompy.image.Plane;

/**
 * A picture of soft blobs moved along a known path, its thumbnails stored as the scan stores them: the
 * path read back ({@link CameraPath}), and the moment of a crop of some of its frames found from its move
 * alone ({@link MotionTime}).
 */
class CameraPathTest {

    /** A smooth picture defined everywhere, so that any sub-pixel shift of it is exact. */
    private static final class Scene {
        private final double[] cx;
        private final double[] cy;
        private final double[] radius;
        private final double[] amp;

        Scene(long seed, int count, double width, double height) {
            Random r = new Random(seed);
            cx = new double[count];
            cy = new double[count];
            radius = new double[count];
            amp = new double[count];
            for (int b = 0; b < count; b++) {
                cx[b] = r.nextDouble() * width;
                cy[b] = r.nextDouble() * height;
                radius[b] = 3 + r.nextDouble() * 12;
                amp[b] = (r.nextDouble() - 0.4) * 80;
            }
        }

        double at(double x, double y) {
            double v = 100 + 0.1 * y;
            for (int b = 0; b < cx.length; b++) {
                double d2 = ((x - cx[b]) * (x - cx[b]) + (y - cy[b]) * (y - cy[b])) / (radius[b] * radius[b]);
                if (d2 < 9) {
                    v += amp[b] * Math.exp(-d2);
                }
            }
            return v;
        }
    }

    /**
     * Frames of {@code w x h} whose content has moved by ({@code px(k)}, {@code py(k)}) at frame {@code k},
     * showing the scene from ({@code x0}, {@code y0}).
     */
    private static ThumbnailStore frames(Scene scene, int w, int h, int count, double x0, double y0,
                                         IntToDoubleFunction px, IntToDoubleFunction py) {
        ThumbnailStore store = new ThumbnailStore(w, h);
        for (int k = 0; k < count; k++) {
            Plane p = Plane.allocate(w, h);
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    double level = scene.at(x0 + u + 0.5 - px.applyAsDouble(k), y0 + v + 0.5 - py.applyAsDouble(k));
                    p.data()[v * w + u] = (float) Math.max(0, Math.min(255, level));
                }
            }
            store.put(k, p);
        }
        return store;
    }

    @Test
    void readsAPanThatSwaysAndATiltThatSpeedsUp() {
        Scene scene = new Scene(3, 900, 600, 600);
        IntToDoubleFunction px = k -> 20 * Math.sin(k / 15.0);
        IntToDoubleFunction py = k -> -0.01 * k * k;
        ThumbnailStore store = frames(scene, 160, 90, 120, 200, 250, px, py);

        CameraPath path = CameraPath.of(store, 0, 119);

        double worst = 0;
        for (int k = 0; k < 120; k++) {
            worst = Math.max(worst, Math.abs(path.x(k) - px.applyAsDouble(k)));
            worst = Math.max(worst, Math.abs(path.y(k) - py.applyAsDouble(k)));
        }
        System.out.printf("camera path: worst %.3f px over 120 frames, 144 px of travel%n", worst);
        assertTrue(worst < 0.5, "worst " + worst);
    }

    @Test
    void aCropsMomentFromItsMoveAlone() {
        Scene scene = new Scene(7, 1200, 400, 700);
        int frames = 200;
        // A tilt that eases in and out, 300 px over the clip, at 25 fps.
        IntToDoubleFunction tilt = k -> -150 * (1 - Math.cos(Math.PI * k / (frames - 1)));
        ThumbnailStore bg = frames(scene, 200, 112, frames, 100, 320, k -> 0, tilt);
        int first = 71;
        int count = 41;
        // The crop: 60x34 of the bg at (120, 40), from bg frame 71 on, at the bg's rate.
        ThumbnailStore fg = frames(scene, 60, 34, count, 100 + 120, 320 + 40,
                k -> 0, k -> tilt.applyAsDouble(first + k) - tilt.applyAsDouble(first));
        double[] bgTimes = new double[frames];
        for (int j = 0; j < frames; j++) {
            bgTimes[j] = j / 25.0;
        }
        double[] fgTimes = new double[count];
        for (int i = 0; i < count; i++) {
            fgTimes[i] = i / 25.0;
        }

        MotionTime.Moment m = MotionTime.moment(CameraPath.of(bg, 0, frames - 1), 1, CameraPath.of(fg, 0, count - 1),
                1, 1, fgTimes, bgTimes);
        double offset = m.offset();

        System.out.printf("motion time: bg frame %.2f for fg frame 0 (truth %d), %.2f to %.2f fit as well%n",
                offset * 25, first, m.low() * 25, m.high() * 25);
        assertEquals(first, offset * 25, 1.0);
        assertTrue(m.holds(first / 25.0) && m.high() - m.low() < 2 / 25.0, "span");
    }

    @Test
    void aSmallPictureMovingFast() {
        Scene scene = new Scene(3, 900, 600, 900);
        IntToDoubleFunction py = k -> -4.5 * k;
        ThumbnailStore store = frames(scene, 96, 35, 50, 200, 300, k -> 0, py);

        CameraPath path = CameraPath.of(store, 0, 49);

        double worst = 0;
        for (int k = 0; k < 50; k++) {
            worst = Math.max(worst, Math.abs(path.y(k) - py.applyAsDouble(k)) + Math.abs(path.x(k)));
        }
        System.out.printf("small picture: worst %.3f px over 50 frames, 220 px of travel%n", worst);
        assertTrue(worst < 0.5, "worst " + worst);
    }

    @Test
    void aStillCameraSaysNothing() {
        Scene scene = new Scene(11, 600, 400, 400);
        ThumbnailStore bg = frames(scene, 160, 90, 100, 100, 100, k -> 0, k -> 0);
        ThumbnailStore fg = frames(scene, 40, 24, 30, 150, 130, k -> 0, k -> 0);
        double[] bgTimes = new double[100];
        for (int j = 0; j < 100; j++) {
            bgTimes[j] = j / 25.0;
        }
        double[] fgTimes = new double[30];
        for (int i = 0; i < 30; i++) {
            fgTimes[i] = i / 25.0;
        }
        assertNull(MotionTime.moment(CameraPath.of(bg, 0, 99), 1, CameraPath.of(fg, 0, 29), 1, 1, fgTimes, bgTimes));
    }
}
