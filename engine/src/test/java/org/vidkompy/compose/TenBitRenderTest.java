package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.Rational;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Placement;
import org.vidkompy.media.Timing;

/**
 * 10-bit inputs are composited and encoded in 10 bits: the compositor does on 10-bit samples what
 * it does on 8-bit ones, an 8-bit source read as 10-bit is exactly its samples times four, and a
 * gentle 10-bit ramp (four 10-bit steps to each 8-bit one) comes out of a render with its steps,
 * where an 8-bit render of the same pair rounds them away.
 */
class TenBitRenderTest {

    @TempDir
    Path dir;

    @Test
    void tenBitCompositingIsEightBitCompositingTimesFour() {
        int bw = 96;
        int bh = 64;
        int fw = 40;
        int fh = 30;
        Random rnd = new Random(7);
        byte[] fg8 = smooth(PixelLayout.YUV420P.bytes(fw, fh), rnd);
        byte[] bg8 = smooth(PixelLayout.YUV420P.bytes(bw, bh), rnd);
        double[][] placements = {{20, 10, 1, 0}, {21, 11, 1, 0}, {20.3, 10.6, 1, 4}, {10.25, 8.8, 0.5, 0},
            {7.7, 3.4, 1.5, 4}, {70.4, -8.3, 1, 6}};
        for (double[] p : placements) {
            OverlayGeometry g = new OverlayGeometry(bw, bh, fw, fh, p[0], p[1], p[2]);
            FeatherMask feather = FeatherMask.of(g, p[3]);
            ByteBuffer narrow = ByteBuffer.allocateDirect(bg8.length);
            narrow.put(0, bg8);
            try (YuvCompositor c = new YuvCompositor(g, feather, 2, PixelLayout.YUV420P)) {
                c.composite(fg8, narrow);
            }
            ByteBuffer wide = ByteBuffer.allocateDirect(bg8.length * 2);
            wide.put(0, widen(bg8));
            try (YuvCompositor c = new YuvCompositor(g, feather, 2, PixelLayout.YUV420P10)) {
                assertEquals(PixelLayout.YUV420P10, c.layout());
                c.composite(widen(fg8), wide);
            }
            ByteBuffer w = wide.order(ByteOrder.LITTLE_ENDIAN);
            int worst = 0;
            int changed = 0;
            for (int i = 0; i < bg8.length; i++) {
                int eight = narrow.get(i) & 0xff;
                int ten = w.getShort(2 * i);
                worst = Math.max(worst, Math.abs(ten - 4 * eight));
                changed += eight != (bg8[i] & 0xff) ? 1 : 0;
            }
            String at = String.format("at (%.2f, %.2f) scale %.2f feather %.0f", p[0], p[1], p[2], p[3]);
            assertTrue(changed > fw * fh / 4, "the fg was drawn " + at);
            // Rounding to 8 bits moves a sample by at most half a level: two 10-bit levels.
            assertTrue(worst <= 2, "10-bit differs from 4x the 8-bit result by " + worst + " " + at);
        }
    }

    @Test
    void eightBitSourceReadAsTenBitIsItsSamplesTimesFour() {
        Path clip = writeRamp(dir.resolve("eight.mp4"), 64, 48, 2, PixelLayout.YUV420P, 0);
        byte[] eight = firstFrame(clip, PixelLayout.YUV420P, 64, 48);
        byte[] ten = firstFrame(clip, PixelLayout.YUV420P10, 64, 48);
        ByteBuffer t = ByteBuffer.wrap(ten).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < eight.length; i++) {
            assertEquals(4 * (eight[i] & 0xff), t.getShort(2 * i), "sample " + i);
        }
    }

    @Test
    void aTenBitPairRendersInTenBits() {
        int bw = 256;
        int bh = 64;
        int fw = 128;
        int fh = 32;
        int frames = 3;
        Path bg = writeRamp(dir.resolve("bg10.mp4"), bw, bh, frames, PixelLayout.YUV420P10, 0);
        Path fg = writeRamp(dir.resolve("fg10.mp4"), fw, fh, frames, PixelLayout.YUV420P10, 37);
        MediaClip fc = new VideoProbe().probe(fg);
        assertEquals(10, fc.bitDepth(), "the fixture is 10-bit: " + fc.pixelFormat());
        Alignment a = new Alignment(new Clip(bg.toString(), bw, bh, 25, frames),
                new Clip(fg.toString(), fw, fh, 25, frames), new Placement(64, 16, 1.0, 1.0),
                new Timing(1.0, new int[] {0, 1, 2}, new float[] {1, 1, 1}, List.of()));
        byte[] source = firstFrame(fg, PixelLayout.YUV420P10, fw, fh);

        double[] error = new double[2];
        int[] depths = {RenderOptions.FOLLOW_INPUTS, 8};
        for (int k = 0; k < 2; k++) {
            Path out = dir.resolve("out" + k + ".mp4");
            RenderOptions o = RenderOptions.to(out).withQuality(4, "ultrafast").withAudio(AudioMode.NONE)
                    .withBitDepth(depths[k]);
            RenderResult r = new Renderer(new VideoProbe()).render(bg, fg, a, null, o, RenderListener.NONE);
            assertEquals(k == 0 ? 10 : 8, r.bitDepth());
            MediaClip oc = new VideoProbe().probe(out);
            assertEquals(k == 0 ? 10 : 8, oc.bitDepth(), "output pixel format " + oc.pixelFormat());
            byte[] rendered = firstFrame(out, PixelLayout.YUV420P10, bw, bh);
            ByteBuffer got = ByteBuffer.wrap(rendered).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer want = ByteBuffer.wrap(source).order(ByteOrder.LITTLE_ENDIAN);
            double sum = 0;
            for (int y = 2; y < fh - 2; y++) {
                for (int x = 2; x < fw - 2; x++) {
                    sum += Math.abs(got.getShort(2 * ((16 + y) * bw + 64 + x)) - want.getShort(2 * (y * fw + x)));
                }
            }
            error[k] = sum / ((fw - 4) * (fh - 4));
        }
        // The ramp climbs one 10-bit level every few pixels: 8 bits leave about one level of error
        // on average, a near-lossless 10-bit encode much less.
        assertTrue(error[1] > 0.6, "an 8-bit render rounds the ramp's 10-bit steps (mean error " + error[1] + ")");
        assertTrue(error[0] < error[1] / 2, "10-bit render: mean error " + error[0] + " vs 8-bit " + error[1]);
    }

    /** Smooth pictures within the limited range (no cubic overshoot past 255), one value per sample. */
    private static byte[] smooth(int n, Random rnd) {
        byte[] b = new byte[n];
        double phase = rnd.nextDouble() * 6;
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (120 + 80 * Math.sin(phase + i * 0.37) + rnd.nextInt(9) - 4);
        }
        return b;
    }

    private static byte[] widen(byte[] narrow) {
        ByteBuffer w = ByteBuffer.allocate(narrow.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < narrow.length; i++) {
            w.putShort(2 * i, (short) ((narrow[i] & 0xff) << 2));
        }
        return w.array();
    }

    /**
     * A horizontal luma ramp climbing one 10-bit level every two pixels from {@code start} levels
     * in, neutral chroma, nearly lossless.
     */
    private static Path writeRamp(Path file, int w, int h, int frames, PixelLayout layout, int start) {
        WriterOptions o = WriterOptions.of(w, h, new Rational(25, 1)).withQuality(0, "ultrafast").withInput(layout)
                .repeatably();
        int sb = layout.sampleBytes();
        ByteBuffer f = ByteBuffer.allocateDirect(layout.bytes(w, h)).order(ByteOrder.LITTLE_ENDIAN);
        int cw = PixelLayout.chromaWidth(w);
        int ch = PixelLayout.chromaHeight(h);
        try (VideoWriter v = VideoWriter.create(file, o)) {
            for (int t = 0; t < frames; t++) {
                for (int i = 0; i < w * h; i++) {
                    int ten = 300 + (start + i % w) / 2;
                    put(f, i, sb, sb == 2 ? ten : ten / 4);
                }
                for (int i = 0; i < 2 * cw * ch; i++) {
                    put(f, w * h + i, sb, sb == 2 ? 512 : 128);
                }
                v.write(f, t);
            }
            v.finish();
        }
        return file;
    }

    private static void put(ByteBuffer b, int i, int sb, int v) {
        if (sb == 2) {
            b.putShort(2 * i, (short) v);
        } else {
            b.put(i, (byte) v);
        }
    }

    private static byte[] firstFrame(Path clip, PixelLayout layout, int w, int h) {
        try (FrameReader r = FrameReader.open(clip, ReaderOptions.of(FrameFormat.of(layout, w, h)))) {
            assertTrue(r.next(), "a frame in " + clip);
            byte[] b = new byte[r.output(0).bytes()];
            r.output(0).copyTo(b);
            return b;
        }
    }
}
