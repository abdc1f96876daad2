package org.vidkompy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;

class VideoProbeTest {

    private final VideoProbe probe = new VideoProbe();

    @Test
    void backgroundOfTheDemoPair() {
        GeneratedPair p = Fixtures.demo();
        VideoInfo bg = probe.probe(p.background());
        System.out.println("probe bg: " + bg);
        assertEquals(320, bg.width());
        assertEquals(180, bg.height());
        assertEquals(200, bg.frameCount());
        assertEquals(new Rational(25, 1), bg.nominalFps());
        assertEquals(25.0, bg.averageFps(), 0.01);
        assertEquals(8.0, bg.duration(), 1.0 / 25);
        assertEquals("h264", bg.codec());
        assertEquals("yuv420p", bg.pixelFormat());
        assertEquals(0, bg.rotation());
        assertTrue(bg.hasAudio());
        AudioInfo a = bg.audio().orElseThrow();
        assertEquals("aac", a.codec());
        assertEquals(48000, a.sampleRate());
        assertEquals(2, a.channels());
    }

    @Test
    void foregroundFrameCountAndRate() {
        GeneratedPair p = Fixtures.demo();
        VideoInfo fg = probe.probe(p.foreground());
        assertEquals(160, fg.width());
        assertEquals(90, fg.height());
        assertEquals(p.spec().fgFrames(), fg.frameCount());
        assertEquals(p.spec().fgFrames() / 25.0, fg.duration(), 1.0 / 25);
        // The fg audio is the fg's own: it lasts as long as the video, within one frame.
        assertEquals(fg.duration(), fg.audio().orElseThrow().duration(), 1.0 / 25);
    }

    @Test
    void silentFileAtAnotherRate() {
        PairSpec spec = PairSpec.demo().withMap(new Rational(30000, 1001), TimeMaps.linear(45, 0, 25 / 29.97))
                .withAudio(false, false);
        GeneratedPair p = Fixtures.pair("ntsc-silent", spec);
        VideoInfo fg = probe.probe(p.foreground());
        assertEquals(45, fg.frameCount());
        assertEquals(new Rational(30000, 1001), fg.nominalFps());
        assertEquals(29.97, fg.averageFps(), 0.01);
        assertFalse(fg.hasAudio());
    }
}
