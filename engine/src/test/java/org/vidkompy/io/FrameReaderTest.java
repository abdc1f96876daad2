package org.vidkompy.io;

import org.vidkompy.image.PixelRect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vidkompy.image.Plane;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.OddCrop;
import org.vidkompy.testkit.Remux;
import org.vidkompy.testkit.XvidAvi;

class FrameReaderTest {

    private static final int TW = 64;
    private static final int TH = 36;

    @TempDir
    Path dir;

    /**
     * swscale's x86 YUV-to-RGB code works in blocks of 8 pixels and, given packed rows of other
     * widths, left the last pixels of each row unwritten (stale memory) and could run past the buffer.
     */
    @ParameterizedTest
    @ValueSource(ints = {178, 180, 186, 318})
    void cropsOfAnyWidthMatchTheFullFrame(int w) {
        byte[] full = new byte[320 * 180 * 3];
        byte[] cut = new byte[w * 180 * 3];
        try (FrameReader r = FrameReader.open(Fixtures.demo().background(), ReaderOptions.of(
                FrameFormat.of(PixelLayout.RGB24, 320, 180),
                new FrameFormat(PixelLayout.RGB24, w, 180, new PixelRect(0, 0, w, 180))))) {
            for (int i = 0; i < 3; i++) {
                assertTrue(r.next());
                r.output(0).copyTo(full);
                r.output(1).copyTo(cut);
                for (int y = 0; y < 180; y++) {
                    assertArrayEquals(Arrays.copyOfRange(full, y * 320 * 3, (y * 320 + w) * 3),
                            Arrays.copyOfRange(cut, y * w * 3, (y + 1) * w * 3), "frame " + i + " row " + y);
                }
            }
        }
    }

    /** Odd widths give rows of an odd byte count: the reader must not assume aligned lines. */
    @Test
    void oddSizedRgbReadsBackExactly() {
        Path src = Fixtures.demo().background();
        int w = 319;
        int h = 179;
        Path odd = OddCrop.write(src, w, h, 25, dir.resolve("odd.nut"));
        byte[] cut = new byte[w * h * 3];
        byte[] read = new byte[w * h * 3];
        try (FrameReader a = FrameReader.open(src, ReaderOptions.of(new FrameFormat(PixelLayout.RGB24, w, h,
                new PixelRect(0, 0, w, h))));
             FrameReader b = FrameReader.open(odd, ReaderOptions.of(FrameFormat.of(PixelLayout.RGB24, w, h)))) {
            assertEquals(w, b.width());
            assertEquals(h, b.height());
            for (int i = 0; i < 3; i++) {
                assertTrue(a.next() && b.next());
                a.output(0).copyTo(cut);
                b.output(0).copyTo(read);
                assertArrayEquals(cut, read, "frame " + i);
            }
        }
    }

    @Test
    void decodesEveryFrameInOrderWithTheGeneratedContent() {
        GeneratedPair p = Fixtures.demo();
        Scene scene = new Scene(p.spec().seed(), 320, 180);
        // The truth thumbnail: the scene averaged over 5x5 bg pixels, as swscale's area filter does.
        Viewport thumb = new Viewport(0, 0, 320.0 / TW, TW, TH);
        Plane decoded = Plane.allocate(TW, TH);
        float[] truth = new float[TW * TH];
        float[] truthNext = new float[TW * TH];
        double worst = 0;
        int count = 0;
        try (FrameReader r = FrameReader.open(p.background(),
                ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, TW, TH)))) {
            while (r.next()) {
                assertEquals(count, r.index());
                assertEquals(count / 25.0, r.timestamp(), 1e-6);
                r.output(0).toPlane(decoded);
                scene.renderGray(count, thumb, truth);
                scene.renderGray(Math.min(199, count + 3), thumb, truthNext);
                double err = meanAbs(decoded.data(), truth);
                double other = meanAbs(decoded.data(), truthNext);
                worst = Math.max(worst, err);
                assertTrue(err < 4.0, "frame " + count + " differs from its truth by " + err);
                if (count < 197) {
                    assertTrue(err < other, "frame " + count + " looks more like frame " + (count + 3));
                }
                count++;
            }
        }
        System.out.printf("decoded %d frames, worst mean abs error vs truth %.2f levels%n", count, worst);
        assertEquals(200, count);
    }

    @Test
    void fullSizeRgbAndCroppedThumbnailTogether() {
        GeneratedPair p = Fixtures.demo();
        PixelRect crop = new PixelRect(83, 47, 160, 90);
        try (FrameReader r = FrameReader.open(p.background(), ReaderOptions.of(
                FrameFormat.of(PixelLayout.RGB24, 320, 180),
                new FrameFormat(PixelLayout.GRAY8, 160, 90, crop),
                FrameFormat.of(PixelLayout.GRAY8, 320, 180)))) {
            assertTrue(r.next());
            FrameBuffer rgb = r.output(0);
            FrameBuffer cut = r.output(1);
            assertEquals(320 * 180 * 3, rgb.pixels().remaining());
            // The crop at full resolution equals the same pixels of the uncropped luma output.
            Plane full = Plane.allocate(320, 180);
            r.output(2).toPlane(full);
            Plane part = Plane.allocate(160, 90);
            cut.toPlane(part);
            double diff = 0;
            for (int y = 0; y < 90; y++) {
                for (int x = 0; x < 160; x++) {
                    diff += Math.abs(part.get(x, y) - full.get(x + 83, y + 47));
                }
            }
            diff /= 160 * 90;
            System.out.printf("crop vs full-frame luma: %.2f levels%n", diff);
            assertTrue(diff < 0.01, "crop differs from the full frame by " + diff);
        }
    }

    @Test
    void seekLandsOnAFrameAtOrBeforeTheTarget() {
        GeneratedPair p = Fixtures.demo();
        try (FrameReader r = FrameReader.open(p.background(), ReaderOptions.of())) {
            r.seek(4.0, 100);
            assertTrue(r.next());
            assertEquals(100, r.index());
            assertEquals(4.0, r.timestamp(), 1e-6);
            assertTrue(r.next());
            assertEquals(101, r.index());
        }
    }

    /**
     * MPEG-TS has no index: a seek bisects the file and may land after the key frame the target
     * needs (here the only one is the first), where the decoder shows nothing until the end or the
     * next key frame. AVI has no presentation times: the decoder stamps H.264 with B-frames a reorder
     * delay late. Exact seeks still give the frame with that number, pixel for pixel, in those and
     * Matroska and MP4 (a byte seek to the start of a Matroska file finds no frame at all).
     */
    @ParameterizedTest
    @ValueSource(strings = {"mpegts:ts", "matroska:mkv", "mp4:mp4", "avi:avi"})
    void exactSeeksInEveryContainer(String format) {
        String[] f = format.split(":");
        assertExactSeeks(Remux.to(f[0]).write(Fixtures.demo().foreground(), dir.resolve("fg." + f[1])));
    }

    /**
     * MPEG-4 Part 2 with B-frames in AVI (DivX, Xvid): each anchor is stored before the B-frames shown
     * ahead of it, so a key frame found by a seek is not where its file position says; the reader's
     * times come from the stream's first frame instead.
     */
    @Test
    void exactSeeksInXvidAvi() {
        assertExactSeeks(XvidAvi.write(Fixtures.demo().foreground(), dir.resolve("xvid.avi"), 12));
    }

    private static void assertExactSeeks(Path file) {
        MediaClip clip = new VideoProbe().probe(file);
        int n = (int) clip.frameCount();
        byte[][] frames = new byte[n][TW * TH];
        try (FrameReader r = FrameReader.open(file, ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, TW, TH)))) {
            for (int i = 0; i < n; i++) {
                assertTrue(r.next());
                r.output(0).copyTo(frames[i]);
            }
        }
        for (int k : new int[] {n - 3, n / 2, 40, 13, 1, 0}) {
            try (FrameReader r = FrameReader.open(file, ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, TW, TH)))) {
                r.seek(clip.times().seconds(k), k);
                assertTrue(r.next());
                assertEquals(k, r.index());
                byte[] got = new byte[TW * TH];
                r.output(0).copyTo(got);
                assertArrayEquals(frames[k], got, "frame " + k);
            }
        }
    }

    @Test
    void skippingTheLoopFilterStillDecodesEveryFrame() {
        GeneratedPair p = Fixtures.demo();
        int n = 0;
        try (FrameReader r = FrameReader.open(p.background(),
                ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, TW, TH)).withSkipLoopFilter(true))) {
            while (r.next()) {
                n++;
            }
        }
        assertEquals(200, n);
    }

    static double meanAbs(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / b.length;
    }
}
