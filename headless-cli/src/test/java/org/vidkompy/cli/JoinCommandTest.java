package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

class JoinCommandTest {

    @TempDir
    Path dir;

    @Test
    void chunksJoinedByStreamCopyMakeTheWholeClipWithTheFgAudio() {
        GeneratedPair p = Fixtures.demo();
        String bg = p.background().toString();
        String fg = p.foreground().toString();
        Path a = dir.resolve("a.json");
        assertEquals(0, CliRun.of("analyze", bg, fg, "-o", a.toString(), "--no-cache").exit());
        String[][] chunks = {{"0-49", "p1.mp4"}, {"50-119", "p2.mp4"}, {"120-149", "p3.mp4"}};
        for (String[] c : chunks) {
            CliRun r = CliRun.of("render", bg, fg, "-a", a.toString(), "--frames", c[0], "--no-audio", "--preset",
                    "veryfast", "-o", dir.resolve(c[1]).toString());
            assertEquals(0, r.exit(), r.err());
        }
        Path out = dir.resolve("joined.mp4");
        CliRun j = CliRun.of("join", out.toString(), dir.resolve("p1.mp4").toString(), dir.resolve("p2.mp4").toString(),
                dir.resolve("p3.mp4").toString(), "--audio", fg);
        assertEquals(0, j.exit(), j.err());
        MediaClip o = new VideoProbe().probe(out);
        MediaClip f = new VideoProbe().probe(p.foreground());
        assertEquals(f.frameCount(), o.frameCount());
        assertEquals(f.duration(), o.duration(), 1e-6);
        assertTrue(o.hasAudio());
        assertEquals(f.duration(), o.audio().orElseThrow().duration(), 1.0 / 25);
    }
}
