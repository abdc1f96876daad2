package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.io.AudioInfo;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;
import org.vidkompy.testkit.Fixtures;

/** End to end on the demo pair with the truth's alignment: a 160x90 fg at (83.4, 47.7), bg frame 30+i under fg frame i. */
class RendererTest {

    @TempDir
    static Path dir;

    static GeneratedPair pair;
    static Alignment truth;
    static RenderResult result;
    static Decoded out;
    static Decoded bg;
    static Decoded fg;

    @BeforeAll
    static void renderOnce() {
        pair = Fixtures.demo();
        truth = TruthAlignment.of(pair);
        result = new Renderer(new VideoProbe()).render(pair.background(), pair.foreground(), truth, null,
                RenderOptions.to(dir.resolve("out.mp4")).withQuality(18, "veryfast"), RenderListener.NONE);
        System.out.printf("render: %d frames in %.2f s (%.0f fps), setup %.2f s, audio %s from %.3f s%n",
                result.frames(), result.seconds(), result.fps(), result.setupSeconds(), result.audio(),
                result.audioStart());
        for (StageTime s : result.stages()) {
            System.out.printf("  %-10s wall %.2f s busy %.2f s%n", s.stage(), s.wallSeconds(), s.busySeconds());
        }
        out = Decoded.of(result.output());
        bg = Decoded.of(pair.background());
        fg = Decoded.of(pair.foreground());
    }

    @Test
    void oneOutputFramePerFgFrameWithTheFgTimestamps() {
        assertEquals(fg.count(), out.count());
        assertEquals(150, result.frames());
        for (int i = 0; i < fg.count(); i++) {
            assertEquals(fg.seconds().get(i), out.seconds().get(i), 1e-4, "timestamp of frame " + i);
        }
        MediaClip o = new VideoProbe().probe(result.output());
        MediaClip f = new VideoProbe().probe(pair.foreground());
        assertEquals(320, o.width());
        assertEquals(180, o.height());
        assertEquals(f.duration(), o.duration(), 1e-6);
    }

    @Test
    void theBgAroundTheFgIsTheMappedBgFrame() {
        int[] map = truth.temporal().map();
        int right = 0;
        double worstMargin = Double.MAX_VALUE;
        for (int i = 0; i < out.count(); i++) {
            // Identify the bg frame by the area outside the fg (with 2 px of slack around it).
            int best = -1;
            double bestD = Double.MAX_VALUE;
            double second = Double.MAX_VALUE;
            for (int b = Math.max(0, map[i] - 4); b <= Math.min(bg.count() - 1, map[i] + 4); b++) {
                double d = outsideDifference(out.frame(i), bg.frame(b));
                if (d < bestD) {
                    second = bestD;
                    bestD = d;
                    best = b;
                } else if (d < second) {
                    second = d;
                }
            }
            if (best == map[i]) {
                right++;
                worstMargin = Math.min(worstMargin, second - bestD);
            }
        }
        double share = (double) right / out.count();
        System.out.printf("bg frame identified as map[i] for %d of %d output frames (%.1f %%); smallest lead "
                + "over the runner-up %.2f levels%n", right, out.count(), 100 * share, worstMargin);
        assertTrue(share >= 0.99, "share " + share);
    }

    private static double outsideDifference(byte[] a, byte[] b) {
        double s = 0;
        long n = 0;
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 320; x++) {
                if (x >= 81 && x < 246 && y >= 45 && y < 140) {
                    continue;
                }
                int p = (y * 320 + x) * 3;
                for (int c = 0; c < 3; c++) {
                    s += Math.abs((a[p + c] & 0xff) - (b[p + c] & 0xff));
                    n++;
                }
            }
        }
        return s / n;
    }

    @Test
    void theFgRegionIsTheFgFrameAtItsSubPixelPlace() {
        int[] map = truth.temporal().map();
        OverlayGeometry g = OverlayGeometry.of(truth);
        double worst = Double.MAX_VALUE;
        double worstScene = Double.MAX_VALUE;
        double sum = 0;
        Scene scene = new Scene(pair.spec().seed(), 320, 180);
        byte[] sceneFrame = new byte[320 * 180 * 3];
        try (Compositor c = new Compositor(g, 1)) {
            for (int i = 0; i < out.count(); i++) {
                // What the compositor makes of the decoded inputs, before encoding.
                byte[] ref = bg.frame(map[i]).clone();
                c.composite(fg.frame(i), ByteBuffer.wrap(ref));
                double p = Images.psnr(out.frame(i), ref, 320, 84, 48, 243, 137);
                worst = Math.min(worst, p);
                sum += p;
                if (i % 10 == 0) {
                    // And against the scene itself, rendered directly: two generations of crf 18 in between.
                    scene.renderRgb(map[i], Viewport.full(320, 180), sceneFrame);
                    worstScene = Math.min(worstScene, Images.psnr(out.frame(i), sceneFrame, 320, 84, 48, 243, 137));
                }
            }
        }
        System.out.printf("fg region PSNR vs composite of the decoded inputs: mean %.1f dB, worst %.1f dB; "
                + "vs the scene rendered directly at (83.4, 47.7): worst %.1f dB%n", sum / out.count(), worst,
                worstScene);
        assertTrue(worst >= 35, "worst fg PSNR " + worst);
        assertTrue(worstScene >= 30, "worst PSNR vs scene " + worstScene);
    }

    @Test
    void theFgAudioIsCopiedWithTheFgDuration() {
        MediaClip o = new VideoProbe().probe(result.output());
        MediaClip f = new VideoProbe().probe(pair.foreground());
        AudioInfo a = o.audio().orElseThrow();
        System.out.printf("audio %s %.3f s, fg video %.3f s%n", a.codec(), a.duration(), f.duration());
        assertEquals("foreground", result.audio());
        assertEquals("aac", a.codec());
        assertEquals(f.duration(), a.duration(), 1.0 / 25);
    }
}
