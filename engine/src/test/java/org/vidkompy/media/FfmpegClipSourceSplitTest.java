package org.vidkompy.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.testkit.CutClip;

/** A scan in two parts at once must see exactly what one scan from the start sees. */
class FfmpegClipSourceSplitTest {

    private static final int FRAMES = 300;
    private static final int CUT = 140;
    private static final List<ClipSource.Thumb> THUMBS = List.of(new ClipSource.Thumb(null, 64, 36));

    @TempDir
    static Path dir;
    static MediaClip clip;

    @BeforeAll
    static void write() {
        clip = new VideoProbe().probe(CutClip.write(dir.resolve("cut.mp4"), 320, 180, FRAMES, CUT));
    }

    @Test
    void theProbeFindsTheKeyFrames() {
        int[] keys = clip.times().keys();
        assertEquals(0, keys[0]);
        assertTrue(java.util.Arrays.stream(keys).anyMatch(k -> k == CUT), java.util.Arrays.toString(keys));
    }

    @Test
    void twoPartsAtOnceSeeWhatOneScanSees() throws Exception {
        SeenFrames whole = new SeenFrames(FRAMES);
        FfmpegClipSource one = new FfmpegClipSource(clip);
        one.scan(THUMBS, whole::visit);

        FfmpegClipSource two = new FfmpegClipSource(clip);
        ClipSource.SplitScan split = two.split(2);
        assertNotNull(split);
        assertEquals(2, split.parts());
        SeenFrames parts = new SeenFrames(FRAMES);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> split.scan(1, THUMBS, 0, parts::visit));
        split.scan(0, THUMBS, 1, parts::visit);
        second.get();
        assertTrue(split.complete());

        for (int i = 0; i < FRAMES; i++) {
            assertArrayEquals(whole.pixels[i], parts.pixels[i], "thumbnail of frame " + i);
            assertEquals(whole.times[i], parts.times[i], 1e-9, "time of frame " + i);
            assertEquals(1, parts.visits[i], "visits of frame " + i);
        }
        // Afterwards the clip knows its frames as after a whole scan.
        for (int i : new int[] {0, CUT - 1, CUT, CUT + 7, FRAMES - 1}) {
            assertEquals(one.fetchCost(i), two.fetchCost(i), "cost of frame " + i);
            assertArrayEquals(one.frame(i).pixels(), two.frame(i).pixels(), "frame " + i);
        }
    }

    @Test
    void aWindowInTwoPartsSeesWhatItsOneScanSees() throws Exception {
        FfmpegClipSource file = new FfmpegClipSource(clip);
        assertNotNull(file.keyFrames(64, 100));
        ClipSource window = file.window(20, 290);
        SeenFrames whole = new SeenFrames(FRAMES);
        window.scan(THUMBS, whole::visit);
        ClipSource.SplitScan split = window.split(2);
        assertNotNull(split);
        SeenFrames parts = new SeenFrames(FRAMES);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> split.scan(1, THUMBS, 0, parts::visit));
        split.scan(0, THUMBS, 1, parts::visit);
        second.get();
        assertTrue(split.complete());
        for (int i = 0; i < 270; i++) {
            assertArrayEquals(whole.pixels[i], parts.pixels[i], "thumbnail of window frame " + i);
            assertEquals(whole.times[i], parts.times[i], 1e-9, "time of window frame " + i);
            assertEquals(1, parts.visits[i], "visits of window frame " + i);
        }
        assertNull(parts.pixels[270]);
    }

    @Test
    void aClipWithoutAKeyFrameNearTheMiddleIsScannedWhole() {
        MediaClip shortClip = new VideoProbe().probe(CutClip.write(dir.resolve("short.mp4"), 64, 36, 80, 70));
        assertNull(new FfmpegClipSource(shortClip).split(2), "a part of 10 frames does not pay");
        assertNull(new FfmpegClipSource(clip).split(1));
    }
}
