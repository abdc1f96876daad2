package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vidkompy.media.Clip;

/** How large the look's key-frame pictures are: a small fg must cover enough of them to be placed. */
class BgWindowKeySizeTest {

    private static final Clip BG_1080_10MIN = new Clip("bg", 1920, 1080, 24, 14400);

    @Test
    void anFgOfSomeSizeGetsTheUsualPictures() {
        assertEquals(BgWindow.KEY_SIZE, BgWindow.keySize(BG_1080_10MIN, new Clip("fg", 960, 540, 24, 720), 600));
        assertEquals(BgWindow.KEY_SIZE, BgWindow.keySize(new Clip("bg", 320, 180, 25, 3000),
                new Clip("fg", 160, 90, 25, 600), 250));
    }

    @Test
    void aSmallFgGetsLargerPicturesWithinTheBudget() {
        // 64x36 in 1080p: 36 px must cover 24 of the pictures' pixels, 1280x720 for 8 key frames.
        assertEquals(1280, BgWindow.keySize(new Clip("bg", 1920, 1080, 24, 1440), new Clip("fg", 64, 36, 24, 480), 8));
        // 120 key frames of that size would take 110 MB: no look, the whole bg is analysed.
        assertEquals(0, BgWindow.keySize(new Clip("bg", 1920, 1080, 24, 1440), new Clip("fg", 64, 36, 24, 480), 120));
    }

    @Test
    void anFgSmallerThanADescriptorsFootprintGetsNoLook() {
        assertEquals(0, BgWindow.keySize(BG_1080_10MIN, new Clip("fg", 40, 20, 24, 720), 8));
    }
}
