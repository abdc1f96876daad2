package org.vidkompy.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A region of a frame becomes the same plane whether the frame is cropped first or converted in place:
 * the final placement keeps either, by memory, and must refine on the same pixels.
 */
class LumaImageTest {

    private static LumaImage noise(int w, int h, long seed) {
        byte[] px = new byte[w * h];
        new Random(seed).nextBytes(px);
        return new LumaImage(w, h, px);
    }

    @Test
    void aRegionConvertedInPlaceEqualsItsCropConverted() {
        LumaImage frame = noise(97, 61, 7);
        int[][] regions = {{0, 0, 97, 61}, {0, 0, 10, 61}, {13, 5, 40, 33}, {96, 60, 1, 1}, {50, 0, 47, 61}};
        for (int[] r : regions) {
            Plane inPlace = frame.toPlane(r[0], r[1], r[2], r[3]);
            Plane cropped = frame.crop(r[0], r[1], r[2], r[3]).toPlane();
            assertEquals(r[2], inPlace.width());
            assertEquals(r[3], inPlace.height());
            assertArrayEquals(cropped.data(), inPlace.data(), 0f, () -> java.util.Arrays.toString(r));
        }
        // Bytes are unsigned levels.
        LumaImage white = new LumaImage(2, 1, new byte[] {(byte) 255, 0});
        assertArrayEquals(new float[] {255f, 0f}, white.toPlane(0, 0, 2, 1).data(), 0f);
    }

    @Test
    void theWholeFrameIsNotCopiedAndARegionOutsideIsRefused() {
        LumaImage frame = noise(20, 10, 3);
        assertSame(frame, frame.crop(0, 0, 20, 10));
        assertThrows(IllegalArgumentException.class, () -> frame.toPlane(15, 0, 6, 10));
        assertThrows(IllegalArgumentException.class, () -> frame.crop(0, 5, 20, 6));
    }
}
