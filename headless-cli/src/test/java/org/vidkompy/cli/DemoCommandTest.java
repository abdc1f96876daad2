package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesThePairAndTheOutputAndSaysWhere() {
        CliRun r = CliRun.of("demo", "-o", dir.toString());
        assertEquals(0, r.exit(), r.err());
        Path out = dir.resolve("bg_overlay_fg.mp4");
        assertTrue(r.out().contains("output:     " + out), r.out());
        assertTrue(r.out().contains("background: " + dir.resolve("bg.mp4")), r.out());
        MediaClip fg = new VideoProbe().probe(dir.resolve("fg.mp4"));
        MediaClip o = new VideoProbe().probe(out);
        // The fg is the master: every fg frame and its audio end up in the output.
        assertEquals(fg.frameCount(), o.frameCount());
        assertEquals(fg.duration(), o.duration(), 1e-6);
        assertTrue(o.hasAudio());
    }
}
