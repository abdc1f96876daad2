package org.vidkompy.temporal;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.vidkompy.image.Plane;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;

/**
 * Ground-truth footage at thumbnail size, rendered straight from a {@link Scene}: the bg thumbnail is
 * the bg region under the fg footprint, the fg thumbnail the same region through a slightly
 * misregistered viewport (as spatial alignment leaves it), so fg and bg never match pixel for pixel.
 */
final class SceneFootage {

    static final int BG_W = 256;
    static final int BG_H = 144;
    static final int T = DescriptorSpec.THUMB_WIDTH;
    // The fg footprint in the bg: a 96x96 bg-pixel square, rendered at 3 bg pixels per thumbnail pixel.
    static final Viewport BG_UNDER_FG = new Viewport(80, 24, 3.0, T, T);
    static final Viewport FG = new Viewport(80.1, 23.95, 3.0 * 1.001, T, T);

    private final Scene scene;
    private final Map<Integer, float[]> fgCache = new HashMap<>();
    private final Map<Integer, float[]> bgCache = new HashMap<>();

    SceneFootage(long seed, int staticFrom, int staticTo) {
        this.scene = new Scene(seed, BG_W, BG_H, staticFrom, staticTo);
    }

    Scene scene() {
        return scene;
    }

    /** True when bg frames a and b show the same picture (a frozen stretch). */
    boolean identical(int a, int b) {
        return scene.sceneTime(a) == scene.sceneTime(b);
    }

    float[] bgThumb(int bgFrame) {
        return bgCache.computeIfAbsent(bgFrame, k -> render(k, BG_UNDER_FG));
    }

    float[] fgThumb(int bgFrame) {
        return fgCache.computeIfAbsent(bgFrame, k -> render(k, FG));
    }

    private float[] render(int frame, Viewport vp) {
        float[] px = new float[T * T];
        scene.renderGray(frame, vp, px);
        return px;
    }

    /** The bg thumbnails of frames 0..count-1, with a little sensor noise. */
    DescriptorSequence bg(int count, DescriptorSpec spec, float noise, long seed) {
        DescriptorSequence.Builder b = DescriptorSequence.builder(spec);
        Random rnd = new Random(seed);
        Plane p = Plane.allocate(T, T);
        for (int i = 0; i < count; i++) {
            float[] src = bgThumb(i);
            for (int k = 0; k < src.length; k++) {
                p.data()[k] = src[k] + noise * (float) rnd.nextGaussian();
            }
            b.add(p);
        }
        return b.build();
    }

    /** Per-frame look of a fg frame: the source picture and what the test does to it. */
    interface Grade {
        /** Writes the fg thumbnail of fg frame {@code j} into {@code out}, from {@code src}. */
        void apply(int j, float[] src, float[] out, Random rnd);
    }

    static Grade plain(float noise) {
        return (j, src, out, rnd) -> {
            for (int k = 0; k < src.length; k++) {
                out[k] = src[k] + noise * (float) rnd.nextGaussian();
            }
        };
    }

    /** fg frames: frame j shows bg frame {@code truth[j]} (or what {@code source} says), then graded. */
    DescriptorSequence fg(int[] truth, DescriptorSpec spec, Grade grade, long seed, SceneFootage[] source) {
        DescriptorSequence.Builder b = DescriptorSequence.builder(spec);
        Random rnd = new Random(seed);
        Plane p = Plane.allocate(T, T);
        for (int j = 0; j < truth.length; j++) {
            SceneFootage from = source == null || source[j] == null ? this : source[j];
            grade.apply(j, from.fgThumb(truth[j]), p.data(), rnd);
            b.add(p);
        }
        return b.build();
    }
}
