package org.vidkompy.compose;

import org.vidkompy.media.FrameRange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairGenerator;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.testkit.Fixtures;

/**
 * A fg without audio takes the bg's, starting at the bg time under the first rendered fg frame.
 * The bg's tone is a chirp whose pitch tells the time: f(t) = 300 + 40 t Hz, so one 25 fps frame
 * is 1.6 Hz.
 */
class BackgroundAudioTest {

    @TempDir
    Path dir;

    @Test
    void bgAudioStartsAtTheBgTimeUnderTheFirstFgFrame() {
        GeneratedPair p = Fixtures.pair("silent-fg", PairSpec.demo().withAudio(true, false));
        Alignment a = TruthAlignment.of(p);
        Renderer r = new Renderer(new VideoProbe());
        RenderResult full = r.render(p.background(), p.foreground(), a, null,
                RenderOptions.to(dir.resolve("full.mp4")).withQuality(23, "ultrafast"), RenderListener.NONE);
        // A chunk from fg frame 50, which shows bg frame 80 (3.2 s).
        RenderResult chunk = r.render(p.background(), p.foreground(), a, null,
                RenderOptions.to(dir.resolve("chunk.mp4")).withQuality(23, "ultrafast")
                        .withFrames(new FrameRange(50, 99)), RenderListener.NONE);
        assertEquals("background", full.audio());
        check(full.output(), a.temporal().map()[0] / 25.0, 6.0);
        check(chunk.output(), a.temporal().map()[50] / 25.0, 2.0);
    }

    private static void check(Path out, double expectedBgTime, double videoSeconds) {
        MediaClip info = new VideoProbe().probe(out);
        assertEquals(videoSeconds, info.duration(), 1e-6);
        double audioSeconds = info.audio().orElseThrow().duration();
        int[] rate = new int[1];
        float[] x = ToneMeter.samples(out, 1.0, rate);
        double f0 = ToneMeter.startFrequency(x, rate[0], PairGenerator.BG_TONE_SLOPE, 0.1, 0.9);
        double bgTime = (f0 - PairGenerator.BG_TONE_BASE) / PairGenerator.BG_TONE_SLOPE;
        System.out.printf("%s: pitch at 0 s %.2f Hz = bg time %.3f s, expected %.3f s (error %.1f ms, "
                + "%.2f frames); audio %.3f s for %.3f s of video%n", out.getFileName(), f0, bgTime, expectedBgTime,
                1000 * (bgTime - expectedBgTime), (bgTime - expectedBgTime) * 25, audioSeconds, videoSeconds);
        assertEquals(expectedBgTime, bgTime, 1.0 / 25, "bg audio start");
        assertTrue(Math.abs(audioSeconds - videoSeconds) <= 1.0 / 25, "audio length " + audioSeconds);
    }
}
