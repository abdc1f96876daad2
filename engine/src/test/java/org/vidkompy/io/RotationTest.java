package org.vidkompy.io;

import org.vidkompy.image.PixelRect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.Remux;

/**
 * Phone footage is stored landscape and tagged with a display matrix; players turn it. The reader
 * hands out frames as players show them, and the probe reports the shown size.
 */
class RotationTest {

    private static final int W = 320;
    private static final int H = 180;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"90,false", "180,false", "270,false", "90,true", "0,true"})
    void framesComeAsShown(int degrees, boolean mirrored) {
        Path plain = Fixtures.demo().background();
        Path tagged = Remux.to("mp4").rotated(degrees, mirrored).write(plain, dir.resolve("tagged.mp4"));
        boolean side = degrees % 180 != 0;
        int sw = side ? H : W;
        int sh = side ? W : H;

        MediaClip info = new VideoProbe().probe(tagged);
        assertEquals(sw, info.width());
        assertEquals(sh, info.height());
        assertEquals(degrees, info.rotation());

        byte[] stored = new byte[W * H * 3];
        byte[] shown = new byte[W * H * 3];
        try (FrameReader a = FrameReader.open(plain, ReaderOptions.of(FrameFormat.of(PixelLayout.RGB24, W, H)));
             FrameReader b = FrameReader.open(tagged, ReaderOptions.of(FrameFormat.of(PixelLayout.RGB24, sw, sh)))) {
            assertEquals(sw, b.width());
            assertEquals(sh, b.height());
            for (int i = 0; i < 3; i++) {
                assertTrue(a.next() && b.next());
                a.output(0).copyTo(stored);
                b.output(0).copyTo(shown);
                assertArrayEquals(turn(stored, degrees, mirrored), shown, "frame " + i);
            }
        }
    }

    /** A crop is given as the picture is shown, and picks the same pixels as cropping the shown frame. */
    @Test
    void cropIsInShownCoordinates() {
        Path tagged = Remux.to("mp4").rotated(90, false).write(Fixtures.demo().background(), dir.resolve("t.mp4"));
        FrameFormat whole = FrameFormat.of(PixelLayout.RGB24, H, W);
        FrameFormat part = new FrameFormat(PixelLayout.RGB24, 40, 30, new PixelRect(10, 20, 40, 30));
        byte[] full = new byte[W * H * 3];
        byte[] cut = new byte[40 * 30 * 3];
        try (FrameReader r = FrameReader.open(tagged, ReaderOptions.of(whole, part))) {
            assertTrue(r.next());
            r.output(0).copyTo(full);
            r.output(1).copyTo(cut);
        }
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(full[((20 + y) * H + 10 + x) * 3 + c], cut[(y * 40 + x) * 3 + c], "at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void matrixReading() {
        int one = 1 << 16;
        assertTrue(Orientation.fromMatrix(one, 0, 0, one).isNone());
        Orientation cw = Orientation.fromMatrix(0, one, -one, 0);
        assertEquals(90, cw.degreesCw());
        assertFalse(cw.mirrored());
        assertEquals(270, Orientation.fromMatrix(0, -one, one, 0).degreesCw());
        assertEquals(180, Orientation.fromMatrix(-one, 0, 0, -one).degreesCw());
        // 45 degrees is no quarter turn: ignored, as FFmpeg's autorotation ignores it.
        assertTrue(Orientation.fromMatrix(46341, 46341, -46341, 46341).isNone());
    }

    /** The stored picture turned clockwise, then mirrored left-right: what players show. */
    static byte[] turn(byte[] src, int degrees, boolean mirrored) {
        boolean side = degrees % 180 != 0;
        int sw = side ? H : W;
        int sh = side ? W : H;
        byte[] out = new byte[src.length];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int ux = mirrored ? sw - 1 - x : x;
                int sx;
                int sy;
                switch (degrees) {
                    case 90 -> { sx = y; sy = H - 1 - ux; }
                    case 180 -> { sx = W - 1 - ux; sy = H - 1 - y; }
                    case 270 -> { sx = W - 1 - y; sy = ux; }
                    default -> { sx = ux; sy = y; }
                }
                System.arraycopy(src, (sy * W + sx) * 3, out, (y * sw + x) * 3, 3);
            }
        }
        return out;
    }
}
