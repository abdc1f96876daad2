package org.vidkompy.compose;

import org.vidkompy.media.Timing;
import org.vidkompy.media.FrameRange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.io.AudioSource;
import org.vidkompy.io.MediaJoiner;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

/**
 * A frame range renders exactly the frames of the full render, so a job can be split into chunks
 * and joined again. Checked twice: on the composited frames before encoding (checksums), and on
 * decoded files encoded losslessly (crf 0), where the encoder cannot blur the comparison.
 */
class ChunkRenderTest {

    @TempDir
    Path dir;

    private final Renderer renderer = new Renderer(new VideoProbe());

    /**
     * The demo pair with an edited map: bg frames 30.. for the first 60 fg frames, then the bg jumps
     * back 20 frames (as after a cut in the fg's edit), so the bg reader has to seek backwards.
     */
    private static Alignment backwardJump(GeneratedPair p) {
        Alignment t = TruthAlignment.of(p);
        int[] map = t.temporal().map().clone();
        for (int i = 60; i < map.length; i++) {
            map[i] -= 20;
        }
        return new Alignment(t.background(), t.foreground(), t.spatial(),
                new Timing(1, map, t.temporal().frameConfidence(), List.of()));
    }

    @Test
    void everyCompositedFrameIsTheCompositeOfTheMappedInputsAndChunksRepeatThem() {
        GeneratedPair p = Fixtures.demo();
        Alignment a = backwardJump(p);
        RenderOptions o = RenderOptions.to(dir.resolve("unused.mp4")).withThreads(2).withFeather(8);
        CrcSink full = new CrcSink();
        renderer.render(p.background(), p.foreground(), a, o, full);
        // Reference: the compositor applied to independently decoded inputs, frame by frame.
        Decoded bg = Decoded.of(p.background());
        Decoded fg = Decoded.of(p.foreground());
        int[] map = a.temporal().map();
        try (Compositor c = new Compositor(OverlayGeometry.of(a), FeatherMask.of(OverlayGeometry.of(a), 8), 1)) {
            for (int i = 0; i < fg.count(); i++) {
                byte[] ref = bg.frame(map[i]).clone();
                c.composite(fg.frame(i), ByteBuffer.wrap(ref));
                assertEquals(CrcSink.crc(ref), full.crcs.get(i), "frame " + i + " (bg " + map[i] + ")");
                assertEquals(fg.pts().get(i), full.pts.get(i), "pts of frame " + i);
            }
        }
        // Chunks across the backward jump, and from the middle to the end.
        for (FrameRange r : List.of(new FrameRange(45, 79), new FrameRange(100, 149), new FrameRange(0, 0))) {
            CrcSink chunk = new CrcSink();
            renderer.render(p.background(), p.foreground(), a, o.withFrames(r), chunk);
            assertEquals(r.length(), chunk.crcs.size());
            for (int k = 0; k < r.length(); k++) {
                int i = r.first() + k;
                assertEquals(full.crcs.get(i), chunk.crcs.get(k), "chunk " + r + " frame " + i);
                assertEquals(full.pts.get(i) - full.pts.get(r.first()), chunk.pts.get(k), "pts of frame " + i);
            }
            long expectLast = r.last() + 1 < fg.count() ? fg.pts().get(r.last() + 1) - fg.pts().get(r.last()) : -1;
            assertEquals(expectLast, chunk.lastDuration, "last frame duration of chunk " + r);
        }
        System.out.printf("composited frames: %d of %d equal to the reference composite; chunks 45-79, 100-149, "
                + "0-0 equal to the full render%n", fg.count(), fg.count());
    }

    @Test
    void losslessChunksDecodeToTheFullRendersFramesAndJoinBackIntoIt() {
        GeneratedPair p = Fixtures.demo();
        Alignment a = backwardJump(p);
        RenderOptions o = RenderOptions.to(dir.resolve("full.mp4")).withQuality(0, "ultrafast")
                .withAudio(AudioMode.NONE);
        renderer.render(p.background(), p.foreground(), a, null, o, RenderListener.NONE);
        List<FrameRange> ranges = List.of(new FrameRange(0, 49), new FrameRange(50, 109), new FrameRange(110, 149));
        Path[] parts = new Path[ranges.size()];
        for (int k = 0; k < ranges.size(); k++) {
            parts[k] = dir.resolve("part" + k + ".mp4");
            renderer.render(p.background(), p.foreground(), a, null, o.withOutput(parts[k]).withFrames(ranges.get(k)),
                    RenderListener.NONE);
        }
        Decoded full = Decoded.of(dir.resolve("full.mp4"));
        Decoded middle = Decoded.of(parts[1]);
        assertEquals(60, middle.count());
        for (int k = 0; k < middle.count(); k++) {
            assertArrayEquals(full.frame(50 + k), middle.frame(k), "decoded frame " + (50 + k));
            assertEquals(full.seconds().get(50 + k) - full.seconds().get(50), middle.seconds().get(k), 1e-6);
        }

        Path joined = dir.resolve("joined.mp4");
        try (OutputFile out = new OutputPolicy().claim(joined, false, List.of(parts))) {
            MediaJoiner.join(List.of(parts), out, AudioSource.of(p.foreground()));
        }
        Decoded j = Decoded.of(joined);
        assertEquals(full.count(), j.count());
        for (int i = 0; i < full.count(); i++) {
            assertArrayEquals(full.frame(i), j.frame(i), "joined frame " + i);
            assertEquals(full.seconds().get(i), j.seconds().get(i), 1e-6, "joined timestamp " + i);
        }
        MediaClip fi = new VideoProbe().probe(dir.resolve("full.mp4"));
        MediaClip ji = new VideoProbe().probe(joined);
        System.out.printf("lossless: chunk 50-109 decodes equal to the full render; 3 chunks joined by stream copy:"
                + " %d frames, %.3f s (full %.3f s), audio %.3f s%n", ji.frameCount(), ji.duration(), fi.duration(),
                ji.audio().orElseThrow().duration());
        assertEquals(fi.duration(), ji.duration(), 1e-6);
        assertTrue(Math.abs(ji.audio().orElseThrow().duration() - ji.duration()) <= 1.0 / 25);
    }
}
