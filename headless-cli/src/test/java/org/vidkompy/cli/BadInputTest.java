package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.synth.ToneTrack;
import org.vidkompy.testkit.Fixtures;

/** Each bad input gives one line naming the file and the problem, the right exit code, no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void missingFileIsAUsageError() {
        Path f = dir.resolve("nope.mp4");
        CliRun r = CliRun.of("probe", f.toString());
        assertEquals(2, r.exit());
        assertOneClearLine(r, f.toString(), "no such file");
    }

    @Test
    void directoryIsAUsageError() {
        CliRun r = CliRun.of("probe", dir.toString());
        assertEquals(2, r.exit());
        assertOneClearLine(r, dir.toString(), "is a directory");
    }

    @Test
    void textFileRenamedMp4() throws IOException {
        Path f = dir.resolve("notes.mp4");
        Files.writeString(f, "these are my notes, not a video\n".repeat(20));
        CliRun r = CliRun.of("probe", f.toString());
        assertEquals(1, r.exit());
        assertOneClearLine(r, f.toString(), "not a readable media file");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = dir.resolve("empty.mp4");
        Files.createFile(f);
        CliRun r = CliRun.of("probe", f.toString());
        assertEquals(1, r.exit());
        assertOneClearLine(r, f.toString(), "empty");
    }

    @Test
    void truncatedMp4() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.demo().background());
        Path f = dir.resolve("cut.mp4");
        Files.write(f, Arrays.copyOf(whole, whole.length / 2));
        CliRun r = CliRun.of("probe", f.toString());
        assertEquals(1, r.exit());
        assertOneClearLine(r, f.toString(), "truncated");
    }

    @Test
    void fileWithoutVideo() throws IOException {
        Path f = dir.resolve("tone.wav");
        ToneTrack.writeWav(f, 1.0, 440, 0);
        CliRun r = CliRun.of("probe", f.toString());
        assertEquals(1, r.exit());
        assertOneClearLine(r, f.toString(), "has no video stream");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path f = dir.resolve("notes.mp4");
        Files.writeString(f, "not a video");
        CliRun r = CliRun.of("probe", "-v", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = CliRun.of("probe", "--frobnicate", "x.mp4");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--frobnicate"), r.err());
    }

    private static void assertOneClearLine(CliRun r, String file, String problem) {
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains(file) && first.contains(problem),
                "expected '" + file + "' and '" + problem + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without -v: " + r.err());
        assertTrue(r.out().isEmpty(), "nothing on stdout: " + r.out());
    }
}
