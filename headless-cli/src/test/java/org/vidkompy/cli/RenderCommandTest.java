package org.vidkompy.cli;

import org.vidkompy.media.Timing;
import org.vidkompy.media.Placement;
import org.vidkompy.media.Clip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.testkit.Fixtures;

class RenderCommandTest {

    @TempDir
    static Path dir;

    static GeneratedPair pair;
    static Path sidecar;

    @BeforeAll
    static void sidecar() {
        pair = Fixtures.demo();
        PairSpec s = pair.spec();
        float[] conf = new float[s.fgFrames()];
        Arrays.fill(conf, 1f);
        Alignment a = new Alignment(
                new Clip(pair.background().toString(), s.bgWidth(), s.bgHeight(), 25, s.bgFrames()),
                new Clip(pair.foreground().toString(), s.fgWidth(), s.fgHeight(), 25, s.fgFrames()),
                new Placement(s.x(), s.y(), s.scale(), 1), new Timing(1, s.map(), conf, List.of()));
        sidecar = dir.resolve("align.json");
        AlignmentFile.write(a, sidecar);
    }

    private static CliRun render(String... extra) {
        String[] base = {"render", pair.background().toString(), pair.foreground().toString(), "--alignment",
            sidecar.toString()};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void rendersAndReportsPerStageTimesAsJson() throws Exception {
        Path out = dir.resolve("json.mp4");
        CliRun r = render("-o", out.toString(), "--preset", "veryfast", "--smooth", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        System.out.println(r.out());
        assertEquals(150, j.get("frames").asInt());
        assertEquals("foreground", j.get("audio").asText());
        assertEquals(4, j.get("stages").size());
        assertEquals("composite", j.get("stages").get(2).get("stage").asText());
        assertTrue(j.get("stages").get(3).get("wallSeconds").asDouble() > 0);
        MediaClip o = new VideoProbe().probe(out);
        assertEquals(150, o.frameCount());
        assertEquals(320, o.width());
        assertTrue(o.hasAudio());
    }

    @Test
    void aFrameRangeWithoutAudio() {
        Path out = dir.resolve("chunk.mp4");
        CliRun r = render("-o", out.toString(), "--frames", "10-34", "--no-audio", "--preset", "ultrafast");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("output: " + out), r.out());
        MediaClip o = new VideoProbe().probe(out);
        assertEquals(25, o.frameCount());
        assertEquals(1.0, o.duration(), 1e-6);
        assertFalse(o.hasAudio());
    }

    @Test
    void refusesToOverwriteAnExistingOutputUnlessForced() throws Exception {
        Path out = Files.writeString(dir.resolve("exists.mp4"), "old");
        CliRun r = render("-o", out.toString(), "--frames", "0-4");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--force"), r.err());
        assertEquals("old", Files.readString(out));
        CliRun forced = render("-o", out.toString(), "--frames", "0-4", "--force", "--preset", "ultrafast");
        assertEquals(0, forced.exit(), forced.err());
        assertEquals(5, new VideoProbe().probe(out).frameCount());
    }

    @Test
    void refusesToOverwriteAnInputEvenWithForce() throws Exception {
        long size = Files.size(pair.foreground());
        CliRun r = render("-o", pair.foreground().toString(), "--force");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is an input"), r.err());
        assertEquals(size, Files.size(pair.foreground()));
    }

    @Test
    void badOptionsAreUsageErrors() {
        Path out = dir.resolve("never.mp4");
        for (String[] bad : List.of(new String[] {"--frames", "9-3"}, new String[] {"--frames", "0-150"},
                new String[] {"--frames", "x"}, new String[] {"--crf", "60"}, new String[] {"--preset", "quick"},
                new String[] {"--margin", "-1"})) {
            String[] args = Arrays.copyOf(bad, bad.length + 2);
            args[bad.length] = "-o";
            args[bad.length + 1] = out.toString();
            CliRun r = render(args);
            System.out.println(String.join(" ", bad) + " -> " + r.err().lines().findFirst().orElse(""));
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
        }
        assertFalse(Files.exists(out));
        CliRun missing = CliRun.of("render", pair.background().toString(), pair.foreground().toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--alignment"), missing.err());
    }

    @Test
    void aSidecarForOtherFilesIsAClearProcessingError() {
        // The bg given as both files: the sidecar's fg size no longer fits.
        Path out = dir.resolve("never2.mp4");
        CliRun r = CliRun.of("render", pair.background().toString(), pair.background().toString(), "--alignment",
                sidecar.toString(), "-o", out.toString());
        System.out.println(r.err());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("160x90 foreground, but"), r.err());
        assertFalse(Files.exists(out));
    }
}
