package org.vidkompy.testkit;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;

/**
 * A film's opening: a detailed title picture, drifting slowly, that fades into a clear sky over the top
 * of the frame (a smooth gradient, brightening a little) above the same detailed ground. An fg cut from
 * the sky's corner shows detail only while the title is up; cut later, it shows none at all.
 */
public final class SkyPair {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 180;
    /** The sky covers rows above this. */
    public static final int HORIZON = 100;
    /** The last bg frame of the title picture alone, and the first of the sky alone. */
    public static final int FADE_FROM = 18;
    public static final int FADE_TO = 30;

    private final int frames;
    private final float[] texture;
    private final int textureWidth;

    public SkyPair(long seed, int frames) {
        this.frames = frames;
        this.textureWidth = WIDTH + frames;
        this.texture = detail(seed, textureWidth, HEIGHT);
    }

    /** The bg's level at (x, y) of frame {@code j}. */
    double level(int j, int x, int y) {
        double title = texture[y * textureWidth + x + j];
        if (y >= HORIZON) {
            return title;
        }
        double sky = 205 + 15.0 * y / HORIZON + 0.2 * j;
        double mix = Math.max(0, Math.min(1, (j - FADE_FROM) / (double) (FADE_TO - FADE_FROM)));
        return title * (1 - mix) + sky * mix;
    }

    public Path writeBg(Path out, int crf) {
        return write(out, 0, frames, 0, 0, WIDTH, HEIGHT, crf);
    }

    /** bg frames {@code first..first+count-1}, cropped to {@code width x height} at ({@code x}, {@code y}). */
    public Path writeFg(Path out, int first, int count, int x, int y, int width, int height, int crf) {
        return write(out, first, count, x, y, width, height, crf);
    }

    private Path write(Path out, int first, int count, int x0, int y0, int width, int height, int crf) {
        ByteBuffer rgb = ByteBuffer.allocateDirect(width * height * 3);
        try (VideoWriter w = VideoWriter.create(out, WriterOptions.of(width, height, new Rational(24, 1))
                .withQuality(crf, "veryfast").repeatably())) {
            for (int i = 0; i < count; i++) {
                for (int v = 0; v < height; v++) {
                    for (int u = 0; u < width; u++) {
                        byte b = (byte) Math.max(0, Math.min(255, Math.round(level(first + i, x0 + u, y0 + v))));
                        int at = (v * width + u) * 3;
                        rgb.put(at, b);
                        rgb.put(at + 1, b);
                        rgb.put(at + 2, b);
                    }
                }
                w.write(rgb, i);
            }
            w.finish();
        }
        return out;
    }

    /** Blobs of many sizes and contrasts: detail at every scale. */
    private static float[] detail(long seed, int width, int height) {
        Random r = new Random(seed);
        double[] c = new double[width * height];
        java.util.Arrays.fill(c, 110);
        SoftBlobs.add(c, width, height, r, width * height / 120, 2, 14, 90, 0.5);
        float[] out = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = (float) c[i];
        }
        return out;
    }
}
