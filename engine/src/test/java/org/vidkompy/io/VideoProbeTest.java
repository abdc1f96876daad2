package org.vidkompy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.Remux;

class VideoProbeTest {

    private final VideoProbe probe = new VideoProbe();

    @Test
    void backgroundOfTheDemoPair() {
        GeneratedPair p = Fixtures.demo();
        MediaClip bg = probe.probe(p.background());
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
        MediaClip fg = probe.probe(p.foreground());
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
        MediaClip fg = probe.probe(p.foreground());
        assertEquals(45, fg.frameCount());
        assertEquals(new Rational(30000, 1001), fg.nominalFps());
        assertEquals(29.97, fg.averageFps(), 0.01);
        assertFalse(fg.hasAudio());
    }

    /**
     * The layout of vtest.avi: H.264 in AVI with a 1/50 s time base at 25 fps. The muxer writes an
     * empty index entry for every tick without a frame and the stream header counts them all, so
     * the header promises twice the frames the file holds, yet nothing is missing.
     */
    @Test
    void aviWhoseHeaderCountsEmptyEntriesIsWhole(@TempDir Path dir) {
        Path avi = Remux.to("avi").ticksPerFrame(2).write(Fixtures.demo().background(), dir.resolve("ticks.avi"));
        MediaClip info = probe.probe(avi);
        assertEquals(200, info.frameCount());
        assertEquals(320, info.width());
        assertEquals(8.0, info.duration(), 2.0 / 25);
        assertEquals(25.0, info.averageFps(), 0.2);
        assertEquals(200, decodedFrames(avi));
        assertEquals(200, info.times().count());
    }

    @Test
    void cutMp4IsTruncated(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.demo().background());
        Path cut = dir.resolve("cut.mp4");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        MediaException e = assertThrows(MediaException.class, () -> probe.probe(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void cutAviIsTruncated(@TempDir Path dir) throws IOException {
        Path avi = Remux.to("avi").ticksPerFrame(2).write(Fixtures.demo().background(), dir.resolve("ticks.avi"));
        byte[] whole = Files.readAllBytes(avi);
        Path cut = dir.resolve("cut.avi");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        MediaException e = assertThrows(MediaException.class, () -> probe.probe(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    private static int decodedFrames(Path file) {
        int n = 0;
        try (FrameReader r = FrameReader.open(file, ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, 32, 18)))) {
            while (r.next()) {
                n++;
            }
            assertFalse(r.damaged());
            assertEquals(0, r.decodeErrors());
        }
        return n;
    }
}
