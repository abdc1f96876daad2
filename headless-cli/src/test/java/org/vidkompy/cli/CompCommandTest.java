package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.OddCrop;

class CompCommandTest {

    @TempDir
    Path dir;

    @Test
    void analysesAndRendersInOneGoWithAJsonSummary() throws Exception {
        GeneratedPair p = Fixtures.demo();
        Path out = dir.resolve("out.mp4");
        CliRun r = CliRun.of("comp", p.background().toString(), p.foreground().toString(), "-o", out.toString(),
                "--no-cache", "--json", "--smooth", "--preset", "veryfast");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(150, j.get("frames").asInt());
        assertEquals("analysis", j.get("analysis").get("source").asText());
        assertEquals(83.4, j.get("analysis").get("x").asDouble(), 0.5);
        assertTrue(j.get("stages").size() >= 4, r.out());
        MediaClip o = new VideoProbe().probe(out);
        MediaClip fg = new VideoProbe().probe(p.foreground());
        assertEquals(320, o.width());
        assertEquals(fg.frameCount(), o.frameCount());
        assertEquals(fg.duration(), o.duration(), 1e-6);
        assertTrue(o.hasAudio());
    }

    /**
     * A long pair that is one shift is rendered once: a look at a few seconds, then the render checks
     * every frame. One whose fg drops a frame late is stopped there, analysed and rendered again.
     */
    @Test
    void aShiftedPairIsRenderedOnceAndAnythingElseTwice() throws Exception {
        Rational fps = new Rational(25, 1);
        PairSpec shift = PairSpec.demo().withBackground(320, 180, 440).withGeometry(288, 162, 16.3, 9.1, 1.0)
                .withMap(fps, TimeMaps.linear(400, 23, 1.0));
        // The look is about the middle (from bg key frame 250 on): the frame is dropped after it.
        PairSpec dropped = shift.withMap(fps, TimeMaps.withCut(TimeMaps.linear(400, 23, 1.0), 370, 1));
        for (PairSpec spec : new PairSpec[] {shift, dropped}) {
            boolean once = spec == shift;
            GeneratedPair p = Fixtures.pair(once ? "comp-shift" : "comp-shift-dropped", spec);
            Path out = dir.resolve(once ? "once.mp4" : "twice.mp4");
            CliRun r = CliRun.of("comp", p.background().toString(), p.foreground().toString(), "-o", out.toString(),
                    "--no-cache", "--json", "--preset", "ultrafast");
            assertEquals(0, r.exit(), r.err());
            JsonNode a = new ObjectMapper().readTree(r.out()).get("analysis");
            assertEquals(once ? "shift" : "analysis", a.get("source").asText(), r.out());
            assertEquals(once, !a.has("shiftRefused"), r.out());
            assertTrue(r.err().contains(once ? "checked:  every fg frame is bg frame + 23"
                    : "the shift does not hold (fg frame 3"), r.err());
            assertEquals(400, new VideoProbe().probe(out).frameCount());
            assertEquals(16.3, a.get("x").asDouble(), 0.1);
        }
    }

    /** H.264 4:2:0 cannot hold a 319x179 picture: the output is padded to even and the user is told. */
    @Test
    void oddSizedBgIsPaddedAndSaysSo() {
        GeneratedPair p = Fixtures.demo();
        Path bg = OddCrop.write(p.background(), 319, 179, 25, dir.resolve("odd.nut"));
        Path out = dir.resolve("out.mp4");
        CliRun r = CliRun.of("comp", bg.toString(), p.foreground().toString(), "-o", out.toString(),
                "--no-cache", "--preset", "veryfast");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("output padded to 320x180 (H.264 4:2:0 needs even sizes)"), r.err());
        MediaClip o = new VideoProbe().probe(out);
        assertEquals(320, o.width());
        assertEquals(180, o.height());
    }

    @Test
    void refusesToOverwriteAnInput() {
        GeneratedPair p = Fixtures.demo();
        CliRun r = CliRun.of("comp", p.background().toString(), p.foreground().toString(), "-o",
                p.foreground().toString(), "--force");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is an input"), r.err());
    }
}
