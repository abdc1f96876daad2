package org.vidkompy.cli;

import org.vidkompy.media.Timing;
import org.vidkompy.media.Placement;
import org.vidkompy.media.Clip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.testkit.Fixtures;

/**
 * A damaged sidecar stops render, comp --alignment and check --expect before any decoding: exit 1,
 * one line naming the file and the field, no output, every input unchanged.
 */
class SidecarInputTest {

    @TempDir
    static Path dir;

    static GeneratedPair pair;
    static String good;

    @BeforeAll
    static void sidecar() throws IOException {
        pair = Fixtures.demo();
        PairSpec s = pair.spec();
        float[] conf = new float[s.fgFrames()];
        java.util.Arrays.fill(conf, 1f);
        Alignment a = new Alignment(
                new Clip(pair.background().toString(), s.bgWidth(), s.bgHeight(), 25, s.bgFrames()),
                new Clip(pair.foreground().toString(), s.fgWidth(), s.fgHeight(), 25, s.fgFrames()),
                new Placement(s.x(), s.y(), s.scale(), 1), new Timing(1, s.map(), conf, List.of()));
        good = AlignmentFile.toJson(a, true);
    }

    private static Path sidecar(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The good sidecar with the first map entry replaced by {@code entry}. */
    private static String firstMapEntry(String entry) {
        int at = good.indexOf("\"map\"");
        int open = good.indexOf('[', at);
        int comma = good.indexOf(',', open);
        return good.substring(0, open + 1) + entry + good.substring(comma);
    }

    private static void refused(Path sidecar, String problem) {
        Path out = dir.resolve("never.mp4");
        InputHashes inputs = InputHashes.of(pair.background(), pair.foreground(), sidecar);
        String bg = pair.background().toString();
        String fg = pair.foreground().toString();
        for (String[] args : List.of(new String[] {"render", bg, fg, "-a", sidecar.toString(), "-o", out.toString()},
                new String[] {"comp", bg, fg, "--alignment", sidecar.toString(), "-o", out.toString()},
                new String[] {"check", bg, fg, "--expect", sidecar.toString()})) {
            CliRun r = CliRun.of(args);
            System.out.println(args[0] + ": [" + r.exit() + "] " + r.err().strip());
            assertEquals(1, r.exit(), args[0] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertTrue(r.err().startsWith("vidkompy: " + sidecar + ": ") && r.err().contains(problem),
                    "expected '" + problem + "' in: " + r.err());
            assertFalse(r.err().contains("analysis on") || r.out().contains("Rendering"), "no work started: " + r.err());
            assertFalse(Files.exists(out));
        }
        inputs.assertUnchanged();
    }

    @Test
    void aMapEntryBeyondTheBgDoesNotWrapAround() throws IOException {
        refused(sidecar("big.json", firstMapEntry("1099511627776")),
                "temporal.map[0] is 1099511627776, outside 0..199 (the bg's frames)");
    }

    @Test
    void aFractionalMapEntry() throws IOException {
        refused(sidecar("half.json", firstMapEntry("3.5")), "temporal.map[0] is 3.5, not a whole number");
    }

    @Test
    void anAbsurdScaleDoesNotRunOutOfMemory() throws IOException {
        refused(sidecar("tiny.json", good.replaceFirst("\"scale\" : [0-9.]+", "\"scale\" : 1e-9")),
                "spatial.scale is 1.0E-9, outside the usable 1/64..64");
    }

    @Test
    void anInfiniteOffset() throws IOException {
        refused(sidecar("inf.json", good.replaceFirst("\"x\" : [0-9.]+", "\"x\" : 1e999")),
                "spatial.x is Infinity, not a finite number");
    }

    @Test
    void aSyntaxErrorGivesTheLineAndColumn() throws IOException {
        refused(sidecar("syntax.json", "{\n  \"schema\": \"vidkompy.alignment/1\",\n  \"spatial\": }\n"),
                "line 3, column 14: not valid JSON (unexpected character '}')");
    }
}
