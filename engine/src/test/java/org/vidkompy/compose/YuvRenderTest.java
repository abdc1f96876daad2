package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Clip;
import org.vidkompy.media.FrameRange;
import org.vidkompy.media.Placement;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.OddCrop;

/**
 * The file render composites in YUV 4:2:0 ({@link YuvCompositor}); the RGB {@link Compositor} is
 * what it replaced. On real encoded inputs, for sub-pixel and whole offsets, scales 0.5/1/1.5,
 * feather on and off, an overhang and odd sizes, the two give the same frames (as the encoder sees
 * them: the RGB render's frames through the encoder's own RGB to 4:2:0 conversion) to within
 * 45 dB; where the fg lands on whole pixels, the YUV render reproduces the decoded fg at least as
 * well as the RGB render did.
 */
class YuvRenderTest {

    private static final int FRAMES = 6;

    @TempDir
    static Path dir;

    private static GeneratedPair pair;
    private static Path oddBg;
    private static Path oddFg;

    @BeforeAll
    static void inputs() {
        pair = Fixtures.demo();
        oddBg = OddCrop.write(pair.background(), 319, 179, 25, dir.resolve("odd-bg.nut"));
        oddFg = OddCrop.write(pair.foreground(), 159, 89, 25, dir.resolve("odd-fg.nut"));
    }

    private static Alignment placed(Path bg, Path fg, double x, double y, double scale) {
        Alignment t = TruthAlignment.of(pair);
        MediaClip b = new VideoProbe().probe(bg);
        MediaClip f = new VideoProbe().probe(fg);
        return new Alignment(new Clip(bg.toString(), b.width(), b.height(), t.background().fps(), b.frameCount()),
                new Clip(fg.toString(), f.width(), f.height(), t.foreground().fps(), f.frameCount()),
                new Placement(x, y, scale, 1.0), t.temporal());
    }

    private record Frames(int width, int height, List<byte[]> yuv, List<byte[]> viaRgb) {
    }

    private static Frames both(Path bg, Path fg, Alignment a, double feather, int threads) {
        RenderOptions o = RenderOptions.to(dir.resolve("unused.mp4")).withFeather(feather).withThreads(threads)
                .withFrames(new FrameRange(0, FRAMES - 1));
        Renderer r = new Renderer(new VideoProbe());
        Yuv.Store yuv = new Yuv.Store(PixelLayout.YUV420P);
        r.render(bg, fg, a, o, yuv);
        Yuv.Store rgb = new Yuv.Store(PixelLayout.RGB24);
        r.render(bg, fg, a, o, rgb);
        int w = a.background().width();
        int h = a.background().height();
        return new Frames(w, h, yuv.frames, rgb.frames.stream().map(f -> Yuv.fromRgb(f, w, h)).toList());
    }

    private record Case(String name, boolean odd, double x, double y, double scale, double feather) {
    }

    @Test
    void yuvRenderMatchesTheRgbRender() {
        List<Case> cases = List.of(
                new Case("sub-pixel, feather 8", false, 83.4, 47.7, 1.0, 8),
                new Case("even whole pixels", false, 40, 20, 1.0, 0),
                new Case("odd whole pixels", false, 41, 21, 1.0, 0),
                new Case("scale 0.5", false, 60.25, 30.6, 0.5, 0),
                new Case("scale 1.5, feather 8", false, 30.3, 10.7, 1.5, 8),
                new Case("scale 1.5, whole pixels", false, 31, 11, 1.5, 0),
                new Case("overhang right and top", false, 250.4, -30.7, 1.0, 8),
                new Case("overhang left and bottom, scale 1.5", false, -20.6, 100.2, 1.5, 0),
                new Case("odd bg 319x179, odd fg 159x89", true, 100.6, 40.2, 1.0, 4),
                new Case("odd sizes, scale 1.5, to the odd corner", true, 200.5, 80.5, 1.5, 0));
        StringBuilder report = new StringBuilder();
        double worst = Double.POSITIVE_INFINITY;
        for (Case c : cases) {
            Path bg = c.odd ? oddBg : pair.background();
            Path fg = c.odd ? oddFg : pair.foreground();
            Alignment a = placed(bg, fg, c.x, c.y, c.scale);
            Frames f = both(bg, fg, a, c.feather, 2);
            assertEquals(FRAMES, f.yuv.size());
            double min = Double.POSITIVE_INFINITY;
            double[] planes = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            for (int i = 0; i < FRAMES; i++) {
                min = Math.min(min, Yuv.psnr(f.yuv.get(i), f.viaRgb.get(i), f.width, f.height));
                for (int p = 0; p < 3; p++) {
                    planes[p] = Math.min(planes[p], Yuv.planePsnr(f.yuv.get(i), f.viaRgb.get(i), f.width,
                            f.height, p));
                }
            }
            worst = Math.min(worst, min);
            report.append(String.format("%-40s %6.2f dB (Y %.2f, U %.2f, V %.2f)%n", c.name, min, planes[0],
                    planes[1], planes[2]));
        }
        System.out.print("YUV render vs RGB render (worst frame):\n" + report);
        assertTrue(worst >= 45, "YUV vs RGB render:\n" + report);
    }

    @Test
    void wholePixelFgIsReproducedAtLeastAsWellAsBefore() {
        byte[][] fgFrames = new byte[FRAMES][];
        MediaClip fc = new VideoProbe().probe(pair.foreground());
        int fw = fc.width();
        int fh = fc.height();
        try (FrameReader r = FrameReader.open(pair.foreground(),
                ReaderOptions.of(FrameFormat.of(PixelLayout.YUV420P, fw, fh)))) {
            for (int i = 0; i < FRAMES; i++) {
                assertTrue(r.next());
                fgFrames[i] = new byte[r.output(0).bytes()];
                r.output(0).copyTo(fgFrames[i]);
            }
        }
        StringBuilder report = new StringBuilder();
        for (int[] xy : new int[][] {{40, 20}, {41, 21}}) {
            Alignment a = placed(pair.background(), pair.foreground(), xy[0], xy[1], 1.0);
            Frames f = both(pair.background(), pair.foreground(), a, 0, 1);
            // Y: every fg pixel but the outermost ring; chroma (even offsets only, where the grids
            // coincide): every fg sample but the outermost one.
            double[] yuvY = {0, 0};
            double[] rgbY = {0, 0};
            double[] yuvC = {0, 0};
            double[] rgbC = {0, 0};
            for (int i = 0; i < FRAMES; i++) {
                byte[] ref = placedFg(fgFrames[i], fw, fh, xy[0], xy[1], f.width, f.height, f.yuv.get(i));
                add(yuvY, Yuv.sse(f.yuv.get(i), ref, f.width, f.height, 0, xy[0] + 1, xy[1] + 1, xy[0] + fw - 1,
                        xy[1] + fh - 1));
                add(rgbY, Yuv.sse(f.viaRgb.get(i), ref, f.width, f.height, 0, xy[0] + 1, xy[1] + 1,
                        xy[0] + fw - 1, xy[1] + fh - 1));
                if (xy[0] % 2 == 0 && xy[1] % 2 == 0) {
                    for (int p = 1; p < 3; p++) {
                        int cx = xy[0] / 2;
                        int cy = xy[1] / 2;
                        add(yuvC, Yuv.sse(f.yuv.get(i), ref, f.width, f.height, p, cx + 1, cy + 1, cx + fw / 2 - 1,
                                cy + fh / 2 - 1));
                        add(rgbC, Yuv.sse(f.viaRgb.get(i), ref, f.width, f.height, p, cx + 1, cy + 1,
                                cx + fw / 2 - 1, cy + fh / 2 - 1));
                    }
                }
            }
            double ny = Yuv.psnr(yuvY[0], yuvY[1]);
            double oy = Yuv.psnr(rgbY[0], rgbY[1]);
            report.append(String.format("fg at (%d, %d): Y %.2f dB (RGB render %.2f dB)", xy[0], xy[1], ny, oy));
            assertTrue(ny >= oy, "luma of the fg at " + xy[0] + "," + xy[1] + ": " + ny + " dB, was " + oy);
            if (yuvC[1] > 0) {
                double nc = Yuv.psnr(yuvC[0], yuvC[1]);
                double oc = Yuv.psnr(rgbC[0], rgbC[1]);
                report.append(String.format(", chroma %.2f dB (RGB render %.2f dB)", nc, oc));
                assertTrue(nc >= oc, "chroma of the fg: " + nc + " dB, was " + oc);
            }
            report.append('\n');
        }
        System.out.print("fg region vs the decoded fg:\n" + report);
    }

    /** The decoded fg's planes put into a frame of the output's size at a whole (x, y), over {@code base}. */
    private static byte[] placedFg(byte[] fg, int fw, int fh, int x, int y, int w, int h, byte[] base) {
        byte[] out = base.clone();
        for (int j = 0; j < fh; j++) {
            for (int i = 0; i < fw; i++) {
                if (x + i < w && y + j < h) {
                    out[(y + j) * w + x + i] = fg[j * fw + i];
                }
            }
        }
        if (x % 2 == 0 && y % 2 == 0) {
            int cw = PixelLayout.chromaWidth(w);
            int ch = PixelLayout.chromaHeight(h);
            int fcw = PixelLayout.chromaWidth(fw);
            int fch = PixelLayout.chromaHeight(fh);
            for (int p = 0; p < 2; p++) {
                for (int j = 0; j < fch; j++) {
                    for (int i = 0; i < fcw; i++) {
                        if (x / 2 + i < cw && y / 2 + j < ch) {
                            out[w * h + p * cw * ch + (y / 2 + j) * cw + x / 2 + i] = fg[fw * fh + p * fcw * fch
                                    + j * fcw + i];
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void add(double[] acc, double[] s) {
        acc[0] += s[0];
        acc[1] += s[1];
    }

    @Test
    void yuvFramesDoNotDependOnTheThreadCount() {
        Alignment a = placed(pair.background(), pair.foreground(), 30.3, 10.7, 1.5);
        RenderOptions o = RenderOptions.to(dir.resolve("unused.mp4")).withFeather(8)
                .withFrames(new FrameRange(10, 13));
        Renderer r = new Renderer(new VideoProbe());
        Yuv.Store one = new Yuv.Store(PixelLayout.YUV420P);
        r.render(pair.background(), pair.foreground(), a, o.withThreads(1), one);
        Yuv.Store two = new Yuv.Store(PixelLayout.YUV420P);
        r.render(pair.background(), pair.foreground(), a, o.withThreads(3), two);
        assertEquals(4, one.frames.size());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(one.frames.get(i), two.frames.get(i), "frame " + i);
        }
    }

    @Test
    void yuvChunksRepeatTheFullRendersFrames() {
        Alignment a = placed(pair.background(), pair.foreground(), 83.4, 47.7, 1.0);
        RenderOptions o = RenderOptions.to(dir.resolve("unused.mp4")).withFeather(8).withThreads(2);
        Renderer r = new Renderer(new VideoProbe());
        Yuv.Store full = new Yuv.Store(PixelLayout.YUV420P);
        r.render(pair.background(), pair.foreground(), a, o.withFrames(new FrameRange(0, 69)), full);
        Yuv.Store chunk = new Yuv.Store(PixelLayout.YUV420P);
        r.render(pair.background(), pair.foreground(), a, o.withFrames(new FrameRange(55, 69)), chunk);
        assertEquals(15, chunk.frames.size());
        for (int k = 0; k < 15; k++) {
            assertArrayEquals(full.frames.get(55 + k), chunk.frames.get(k), "frame " + (55 + k));
        }
    }
}
