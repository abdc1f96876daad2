package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    @Test
    void pipesAndDevicesAreNotRegularFilesAndNeverBlock() throws Exception {
        Path fifo = dir.resolve("pipe.mp4");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        Path video = Fixtures.demo().background();
        Path part = dir.resolve("joined.mp4");
        InputHashes inputs = InputHashes.of(video);
        // Opening a FIFO nobody writes to blocks forever: the run must refuse it without opening it.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String[] args : List.of(new String[] {"probe", fifo.toString()}, new String[] {"probe", "/dev/null"},
                    new String[] {"probe", "/dev/zero"},
                    new String[] {"render", video.toString(), fifo.toString(), "-a", "/dev/null", "-o", part.toString()},
                    new String[] {"render", video.toString(), video.toString(), "-a", fifo.toString(), "-o",
                        part.toString()},
                    new String[] {"join", part.toString(), video.toString(), "/dev/zero"},
                    new String[] {"join", part.toString(), video.toString(), "--audio", fifo.toString()},
                    new String[] {"align", fifo.toString(), video.toString()})) {
                CliRun r = CliRun.of(args);
                String bad = List.of(args).contains(fifo.toString()) ? fifo.toString()
                        : List.of(args).contains("/dev/zero") ? "/dev/zero" : "/dev/null";
                System.out.println(String.join(" ", args) + " -> [" + r.exit() + "] " + r.err().lines().findFirst().orElse(""));
                assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
                assertOneClearLine(r, bad, "not a regular file");
            }
        });
        assertFalse(Files.exists(part));
        inputs.assertUnchanged();
    }

    @Test
    void noCommandPrintsTheUsageAsAUsageError() {
        for (String[] args : List.of(new String[0], new String[] {"-v"}, new String[] {"-q"})) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("vidkompy: a command is needed"), r.err());
            assertTrue(r.err().contains("Usage: vidkompy") && r.err().contains("comp"), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            assertTrue(r.out().isEmpty(), r.out());
        }
    }

    @Test
    void numericOptionsOutOfRangeAreUsageErrors() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        Path out = dir.resolve("never.json");
        InputHashes inputs = InputHashes.of(notes);
        String in = notes.toString();
        for (String[] bad : List.of(new String[] {"analyze", in, in, "--x-shift", "NaN"},
                new String[] {"analyze", in, in, "--y-shift", "Infinity"},
                new String[] {"analyze", in, in, "--x-shift", "-1e300"},
                new String[] {"analyze", in, in, "--window", "-1"},
                new String[] {"analyze", in, in, "--window", "2000000000"},
                new String[] {"analyze", in, in, "--border", "-5"},
                new String[] {"analyze", in, in, "-p", "9"},
                new String[] {"comp", in, in, "--x-shift", "NaN", "-o", dir.resolve("never.mp4").toString()},
                new String[] {"check", in, in, "--expect", in, "--tolerance-px", "NaN"},
                new String[] {"check", in, in, "--expect", in, "--tolerance-px", "Infinity"},
                new String[] {"check", in, in, "--expect", in, "--tolerance-frames", "-1"},
                new String[] {"align", in, in, "-p", "-1"})) {
            String[] args = List.of(bad).contains("analyze") ? concat(bad, "-o", out.toString(), "--no-cache") : bad;
            CliRun r = CliRun.of(args);
            String first = r.err().lines().findFirst().orElse("");
            System.out.println(String.join(" ", bad) + " -> [" + r.exit() + "] " + first);
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertTrue(first.startsWith("vidkompy: -") && first.contains(" must be "), first);
            assertFalse(r.err().contains("\tat "), r.err());
        }
        assertFalse(Files.exists(out));
        inputs.assertUnchanged();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void assertOneClearLine(CliRun r, String file, String problem) {
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains(file) && first.contains(problem),
                "expected '" + file + "' and '" + problem + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without -v: " + r.err());
        assertTrue(r.out().isEmpty(), "nothing on stdout: " + r.out());
    }
}
