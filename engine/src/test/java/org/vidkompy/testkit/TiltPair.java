package org.vidkompy.testkit;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;

/**
 * A camera tilting down a soft, cloudy picture (nothing else moves), speeding up and slowing down as a
 * real tilt does, and an fg cut from it: a crop of some of its frames, shrunk and graded. Over such a
 * move a place further along it, with its own moment, fits almost as well as the truth; the generator's
 * pairs sway too gently to show that.
 */
public final class TiltPair {

    public static final int BG_WIDTH = 320;
    public static final int BG_HEIGHT = 180;
    /** How far the camera tilts over the whole bg, in bg pixels. */
    public static final int TRAVEL = 300;

    private final int frames;
    private final float[] canvas;
    private final int canvasHeight;

    /** @param frames bg frames; the tilt eases in and out over all of them */
    public TiltPair(long seed, int frames) {
        this.frames = frames;
        this.canvasHeight = BG_HEIGHT + TRAVEL + 2;
        this.canvas = clouds(seed, BG_WIDTH, canvasHeight);
    }

    /** Where the bg frame {@code j}'s top edge lies on the picture. */
    double top(int j) {
        return TRAVEL * (1 - Math.cos(Math.PI * j / (frames - 1))) / 2;
    }

    public Path writeBg(Path out, int crf) {
        ByteBuffer rgb = ByteBuffer.allocateDirect(BG_WIDTH * BG_HEIGHT * 3);
        try (VideoWriter w = VideoWriter.create(out, WriterOptions.of(BG_WIDTH, BG_HEIGHT, new Rational(25, 1))
                .withQuality(crf, "veryfast").repeatably())) {
            for (int j = 0; j < frames; j++) {
                for (int y = 0; y < BG_HEIGHT; y++) {
                    for (int x = 0; x < BG_WIDTH; x++) {
                        put(rgb, (y * BG_WIDTH + x) * 3, at(x + 0.5, top(j) + y + 0.5));
                    }
                }
                w.write(rgb, j);
            }
            w.finish();
        }
        return out;
    }

    /**
     * bg frames {@code first..first+count-1}, cropped to {@code width x height} at ({@code x}, {@code y}),
     * shrunk by the whole factor {@code shrink} (area means) and graded with {@code gamma}.
     */
    public Path writeFg(Path out, int first, int count, int x, int y, int width, int height, int shrink,
                        double gamma, int crf) {
        int fw = width / shrink;
        int fh = height / shrink;
        ByteBuffer rgb = ByteBuffer.allocateDirect(fw * fh * 3);
        try (VideoWriter w = VideoWriter.create(out, WriterOptions.of(fw, fh, new Rational(25, 1))
                .withQuality(crf, "veryfast").repeatably())) {
            for (int i = 0; i < count; i++) {
                double top = top(first + i);
                for (int v = 0; v < fh; v++) {
                    for (int u = 0; u < fw; u++) {
                        double sum = 0;
                        for (int dy = 0; dy < shrink; dy++) {
                            for (int dx = 0; dx < shrink; dx++) {
                                sum += at(x + u * shrink + dx + 0.5, top + y + v * shrink + dy + 0.5);
                            }
                        }
                        double level = 255 * Math.pow(sum / (shrink * shrink) / 255, gamma);
                        put(rgb, (v * fw + u) * 3, level);
                    }
                }
                w.write(rgb, i);
            }
            w.finish();
        }
        return out;
    }

    /**
     * Every {@code step}-th bg frame from {@code first}, {@code count} of them, at the bg's rate over
     * {@code step}: a crop of {@code width x height} at ({@code x}, {@code y}) enlarged by the whole factor
     * {@code zoom} (the picture read between its pixels, as a scaler does).
     */
    public Path writeEnlargedFg(Path out, int first, int step, int count, int x, int y, int width, int height,
                                int zoom, int crf) {
        int fw = width * zoom;
        int fh = height * zoom;
        ByteBuffer rgb = ByteBuffer.allocateDirect(fw * fh * 3);
        try (VideoWriter w = VideoWriter.create(out, WriterOptions.of(fw, fh, new Rational(25, step))
                .withQuality(crf, "veryfast").repeatably())) {
            for (int i = 0; i < count; i++) {
                double top = top(first + i * step);
                for (int v = 0; v < fh; v++) {
                    for (int u = 0; u < fw; u++) {
                        put(rgb, (v * fw + u) * 3, at(x + (u + 0.5) / zoom, top + y + (v + 0.5) / zoom));
                    }
                }
                w.write(rgb, i);
            }
            w.finish();
        }
        return out;
    }

    private static void put(ByteBuffer rgb, int at, double level) {
        byte b = (byte) Math.max(0, Math.min(255, Math.round(level)));
        rgb.put(at, b);
        rgb.put(at + 1, b);
        rgb.put(at + 2, b);
    }

    /** The picture at (x, y), pixel centres at half pixels, linear between them. */
    private double at(double x, double y) {
        double fx = Math.max(0, Math.min(BG_WIDTH - 1.001, x - 0.5));
        double fy = Math.max(0, Math.min(canvasHeight - 1.001, y - 0.5));
        int x0 = (int) fx;
        int y0 = (int) fy;
        double ax = fx - x0;
        double ay = fy - y0;
        int k = y0 * BG_WIDTH + x0;
        double top = canvas[k] * (1 - ax) + canvas[k + 1] * ax;
        double bottom = canvas[k + BG_WIDTH] * (1 - ax) + canvas[k + BG_WIDTH + 1] * ax;
        return top * (1 - ay) + bottom * ay;
    }

    /** Soft blobs of many sizes over a gradient, with a faint fine texture. */
    private static float[] clouds(long seed, int width, int height) {
        Random r = new Random(seed);
        double[] c = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                c[y * width + x] = 90 + 60.0 * y / height;
            }
        }
        SoftBlobs.add(c, width, height, r, width * height / 900, 6, 40, 50, 0.4);
        float[] out = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = (float) (c[i] + 1.5 * r.nextGaussian());
        }
        return out;
    }
}
