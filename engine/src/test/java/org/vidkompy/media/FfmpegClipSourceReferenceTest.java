package org.vidkompy.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.testkit.Fixtures;

/**
 * A file's reference frames as a clip of their own: the packets tell which they are (their slices'
 * {@code nal_ref_idc}), and a scan that decodes only them sees each exactly as a scan of every frame
 * sees it, in one piece or in parts.
 */
class FfmpegClipSourceReferenceTest {

    private static final List<ClipSource.Thumb> THUMBS = List.of(new ClipSource.Thumb(null, 64, 36));

    static MediaClip clip;
    static int frames;

    @BeforeAll
    static void write() {
        // A generated bg: x264 at veryfast, with B-frames (most of them not references), 24 s long for
        // key frames to cut parts at.
        PairSpec spec = PairSpec.demo().withAudio(false, false).withBackground(320, 180, 600);
        clip = new VideoProbe().probe(Fixtures.pair("reference-frames", spec).background());
        frames = (int) clip.frameCount();
    }

    @Test
    void thePacketsTellTheReferenceFrames() {
        int[] refs = clip.times().referenceFrames();
        assertNotNull(refs);
        assertTrue(refs.length > frames / 5 && refs.length < frames * 0.7, "x264's B-frames left out: " + refs.length);
        for (int k = 1; k < refs.length; k++) {
            assertTrue(refs[k] > refs[k - 1] && refs[k] - refs[k - 1] <= 17, Arrays.toString(refs));
        }
        for (int key : clip.times().keys()) {
            assertTrue(Arrays.binarySearch(refs, key) >= 0, "key frame " + key + " is a reference frame");
        }
    }

    @Test
    void aScanOfTheReferenceFramesSeesThemAsAScanOfAllFrames() throws Exception {
        SeenFrames all = new SeenFrames(frames);
        FfmpegClipSource whole = new FfmpegClipSource(clip);
        whole.scan(THUMBS, all::visit);

        FfmpegClipSource file = new FfmpegClipSource(clip);
        ClipSource.Subset refs = file.referenceFrames();
        assertNotNull(refs);
        int n = refs.frames().length;
        assertEquals(n, refs.clip().info().frames());
        SeenFrames one = new SeenFrames(n);
        refs.clip().scan(THUMBS, one::visit);
        SeenFrames parts = new SeenFrames(n);
        ClipSource.SplitScan split = refs.clip().split(2);
        assertNotNull(split);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> split.scan(1, THUMBS, 0, parts::visit));
        split.scan(0, THUMBS, 1, parts::visit);
        second.get();
        assertTrue(split.complete());
        for (int k = 0; k < n; k++) {
            int i = refs.frames()[k];
            assertArrayEquals(all.pixels[i], one.pixels[k], "reference frame " + k + " (frame " + i + ")");
            assertEquals(all.times[i], one.times[k], 1e-9);
            assertEquals(1, one.visits[k]);
            assertArrayEquals(all.pixels[i], parts.pixels[k], "in parts: reference frame " + k);
            assertEquals(1, parts.visits[k]);
        }
        // Single frames and runs come from the file, at full size.
        for (int k : new int[] {0, 1, n / 2, n - 1}) {
            assertArrayEquals(whole.frame(refs.frames()[k]).pixels(), refs.clip().frame(k).pixels(), "frame " + k);
        }
        List<org.vidkompy.image.LumaImage> run = refs.clip().frames(n / 2 - 1, 3);
        assertEquals(3, run.size());
        for (int d = 0; d < 3; d++) {
            assertArrayEquals(whole.frame(refs.frames()[n / 2 - 1 + d]).pixels(), run.get(d).pixels());
        }
    }
}
