package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

/**
 * Signals sent to the real command in a JVM of its own, as a terminal or a job scheduler sends
 * them: the temporary file goes, one line says so, the exit status is 128 + the signal.
 */
class InterruptTest {

    @TempDir
    Path dir;

    private Path bg;
    private Path fg;
    private byte[] bgBytes;
    private byte[] fgBytes;

    @BeforeEach
    void pair() throws IOException {
        GeneratedPair p = Fixtures.demo();
        bg = Files.copy(p.background(), dir.resolve("bg.mp4"));
        fg = Files.copy(p.foreground(), dir.resolve("fg.mp4"));
        bgBytes = Files.readAllBytes(bg);
        fgBytes = Files.readAllBytes(fg);
    }

    /** {@code env --default-signal}: a child of a shell without job control would otherwise ignore SIGINT. */
    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private Optional<Path> temporaryFileOf(String output) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + output + ".vidkompy-")).findFirst();
        }
    }

    /** Waits until the run has claimed its output (and, for a render, written some of it). */
    private void awaitWriting(Process proc, String output, long minBytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(proc.isAlive(), "the run ended before it could be interrupted: " + log());
            Optional<Path> t = temporaryFileOf(output);
            if (t.isPresent() && sizeOf(t.get()) >= minBytes) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no temporary file for " + output + ": " + log());
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private String log() throws IOException {
        Path log = dir.resolve("child.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private int signal(Process proc, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-s", name, Long.toString(proc.pid())).start().waitFor());
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "still running after SIG" + name);
        return proc.exitValue();
    }

    private void assertNothingLeft(String output) throws IOException {
        assertFalse(Files.exists(dir.resolve(output)), output + " exists");
        assertEquals(Optional.empty(), temporaryFileOf(output));
        assertTrue(java.util.Arrays.equals(bgBytes, Files.readAllBytes(bg)), "bg changed");
        assertTrue(java.util.Arrays.equals(fgBytes, Files.readAllBytes(fg)), "fg changed");
    }

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143", "HUP, 129"})
    void anInterruptedAnalysisLeavesNothing(String signal, int status) throws Exception {
        Process proc = start("analyze", "bg.mp4", "fg.mp4", "-o", "a.json", "--no-cache");
        awaitWriting(proc, "a.json", 0);
        assertEquals(status, signal(proc, signal), log());
        assertTrue(log().contains("vidkompy: interrupted; nothing was written"), log());
        assertFalse(log().contains("Exception"), log());
        assertNothingLeft("a.json");
    }

    @Test
    void anInterruptedRenderLeavesNothing() throws Exception {
        Path a = dir.resolve("a.json");
        assertEquals(0, CliRun.of("analyze", bg.toString(), fg.toString(), "-o", a.toString(), "--no-cache").exit());
        Process proc = start("render", "bg.mp4", "fg.mp4", "-a", "a.json", "--preset", "veryslow", "-o", "out.mp4");
        awaitWriting(proc, "out.mp4", 1);
        assertEquals(130, signal(proc, "INT"), log());
        assertTrue(log().contains("vidkompy: interrupted; nothing was written"), log());
        assertNothingLeft("out.mp4");
    }

    @Test
    void aKilledRunsTemporaryFileIsRemovedByTheNextRun() throws Exception {
        Path a = dir.resolve("a.json");
        assertEquals(0, CliRun.of("analyze", bg.toString(), fg.toString(), "-o", a.toString(), "--no-cache").exit());
        Process proc = start("render", "bg.mp4", "fg.mp4", "-a", "a.json", "--preset", "veryslow", "-o", "out.mp4");
        awaitWriting(proc, "out.mp4", 1);
        signal(proc, "KILL");
        Path stale = temporaryFileOf("out.mp4").orElseThrow(() -> new AssertionError("kill -9 runs no cleanup"));
        assertTrue(stale.getFileName().toString().matches("\\.out\\.mp4\\.vidkompy-\\d+-[0-9a-f]{8}\\.part"));
        assertFalse(Files.exists(dir.resolve("out.mp4")));
        CliRun next = CliRun.of("render", bg.toString(), fg.toString(), "-a", a.toString(), "--preset", "ultrafast",
                "-o", dir.resolve("out.mp4").toString());
        assertEquals(0, next.exit(), next.err());
        assertFalse(Files.exists(stale), "the killed run's temporary file is gone");
        assertEquals(Optional.empty(), temporaryFileOf("out.mp4"));
    }
}
