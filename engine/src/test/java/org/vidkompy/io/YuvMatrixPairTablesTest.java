package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_BT2020;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-pair tables give exactly the general loop's levels, wherever they are used. */
class YuvMatrixPairTablesTest {

    @ParameterizedTest(name = "space {0}, full range {1}, {2}x{3}")
    @CsvSource({
        "601, false, 64, 36", "601, false, 33, 17", "601, false, 1, 1",
        "2020, false, 40, 22", "709, true, 31, 19", "601, true, 64, 36", "2020, true, 17, 9"})
    void sameLevelsAsTheGeneralLoop(int space, boolean full, int w, int h) {
        int sws = space == 601 ? SWS_CS_ITU601 : space == 2020 ? SWS_CS_BT2020 : SWS_CS_ITU709;
        YuvMatrix tables = new YuvMatrix(sws, full);
        YuvMatrix general = new YuvMatrix(sws, full, false);
        assertFalse(general.pairTables());
        if (!full) {
            // A change of matrix alone: the case the tables are for (an untagged SD fg into BT.709).
            assertTrue(tables.pairTables(), "tables for a change of matrix alone");
        }
        int n = w * h + 2 * PixelLayout.chromaWidth(w) * PixelLayout.chromaHeight(h);
        Random random = new Random(space * 31L + w * 7L + h + (full ? 1 : 0));
        for (int round = 0; round < 20; round++) {
            byte[] planes = new byte[n];
            random.nextBytes(planes);
            if (round == 0) {
                // Every corner of the code range, where the clamps decide.
                for (int i = 0; i < n; i++) {
                    planes[i] = (byte) ((i & 1) == 0 ? 0 : 255);
                }
            }
            ByteBuffer a = ByteBuffer.wrap(planes.clone());
            ByteBuffer b = ByteBuffer.wrap(planes.clone());
            tables.apply(a, w, h);
            general.apply(b, w, h);
            assertArrayEquals(b.array(), a.array(), "round " + round);
        }
    }

    @ParameterizedTest(name = "every chroma pair, space {0}")
    @CsvSource({"601", "2020"})
    void everyChromaPairAndLumaLevel(int space) {
        int sws = space == 601 ? SWS_CS_ITU601 : SWS_CS_BT2020;
        YuvMatrix tables = new YuvMatrix(sws, false);
        YuvMatrix general = new YuvMatrix(sws, false, false);
        // A 512x512 picture: its 256x256 chroma samples carry every (u, v) pair once; the luma samples
        // of the 2x2 blocks run through every level.
        int w = 512;
        int h = 512;
        int nc = 256 * 256;
        byte[] planes = new byte[w * h + 2 * nc];
        for (int i = 0; i < w * h; i++) {
            planes[i] = (byte) (i * 37 + i / w);
        }
        for (int c = 0; c < nc; c++) {
            planes[w * h + c] = (byte) (c >> 8);
            planes[w * h + nc + c] = (byte) c;
        }
        ByteBuffer a = ByteBuffer.wrap(planes.clone());
        ByteBuffer b = ByteBuffer.wrap(planes.clone());
        tables.apply(a, w, h);
        general.apply(b, w, h);
        assertArrayEquals(b.array(), a.array());
    }
}
