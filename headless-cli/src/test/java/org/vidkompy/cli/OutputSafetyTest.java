package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

/** Every writing command under the one output policy, tried the way a careless or hostile user would. */
class OutputSafetyTest {

    @TempDir
    Path dir;

    private Path bg;
    private Path fg;
    private final Map<Path, String> before = new LinkedHashMap<>();

    @BeforeEach
    void copies() throws IOException {
        GeneratedPair p = Fixtures.demo();
        bg = Files.copy(p.background(), dir.resolve("bg.mp4"));
        fg = Files.copy(p.foreground(), dir.resolve("fg.mp4"));
        remember(bg);
        remember(fg);
    }

    private void remember(Path p) {
        before.put(p, sha256(p));
    }

    private void assertInputsUntouched() {
        before.forEach((p, sum) -> assertEquals(sum, sha256(p), p + " changed"));
    }

    private static String sha256(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> hiddenFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    private Path sidecar() {
        Path a = dir.resolve("a.json");
        CliRun r = CliRun.of("analyze", bg.toString(), fg.toString(), "-o", a.toString(), "--no-cache", "-q");
        assertEquals(0, r.exit(), r.err());
        remember(a);
        return a;
    }

    private static void refused(CliRun r, String... words) {
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        String line = r.err().strip();
        assertFalse(line.contains("Exception"), line);
        for (String w : words) {
            assertTrue(line.contains(w), "'" + w + "' in: " + line);
        }
    }

    @Test
    void analyzeNeverWritesItsSidecarOverAnInput() throws IOException {
        refused(CliRun.of("analyze", bg.toString(), fg.toString(), "-o", fg.toString(), "--no-cache"),
                fg.toString(), "input");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), fg);
        refused(CliRun.of("analyze", bg.toString(), fg.toString(), "-o", link.toString(), "-f", "--no-cache"),
                "input");
        Path hard = Files.createLink(dir.resolve("hard.json"), bg);
        refused(CliRun.of("analyze", bg.toString(), fg.toString(), "-o", hard.toString(), "-f", "--no-cache"),
                "input");
        refused(CliRun.of("analyze", bg.toString(), fg.toString(), "-o", dir.resolve("x/../fg.mp4").toString(),
                "-f", "--no-cache"), "input");
        assertInputsUntouched();
        assertEquals(List.of(), hiddenFiles());
    }

    @Test
    void devicesAreNeverReplacedEvenWithForce() {
        Path a = sidecar();
        refused(CliRun.of("render", bg.toString(), fg.toString(), "-a", a.toString(), "-f", "-o", "/dev/full"),
                "/dev/full", "not a regular file");
        refused(CliRun.of("analyze", bg.toString(), fg.toString(), "-o", "/dev/null", "--no-cache"), "/dev/null");
        refused(CliRun.of("join", "-f", "/dev/full", bg.toString()), "/dev/full", "not a regular file");
        assertFalse(Files.isRegularFile(Path.of("/dev/full")));
        assertFalse(Files.isRegularFile(Path.of("/dev/null")));
        assertInputsUntouched();
    }

    @Test
    void theRenderNeverReplacesItsSidecarOrInputs() {
        Path a = sidecar();
        refused(CliRun.of("render", bg.toString(), fg.toString(), "-a", a.toString(), "-f", "-o", a.toString()),
                "input");
        refused(CliRun.of("comp", bg.toString(), fg.toString(), "-a", a.toString(), "-f", "-o", bg.toString()),
                "input");
        assertInputsUntouched();
    }

    @Test
    void joinTreatsTheAudioFileAsAnInput() throws IOException {
        Path p1 = Files.copy(bg, dir.resolve("part1.mp4"));
        Path p2 = Files.copy(bg, dir.resolve("part2.mp4"));
        remember(p1);
        remember(p2);
        refused(CliRun.of("join", "-f", fg.toString(), p1.toString(), p2.toString(), "--audio", fg.toString()),
                "input");
        refused(CliRun.of("join", "-f", p2.toString(), p1.toString(), p2.toString()), "input");
        assertInputsUntouched();
    }

    @Test
    void anExistingSidecarIsReplacedOnlyWithForce() throws IOException {
        Path a = sidecar();
        refused(CliRun.of("analyze", bg.toString(), fg.toString(), "-o", a.toString(), "--no-cache"),
                "exists", "--force");
        assertInputsUntouched();
        CliRun forced = CliRun.of("analyze", bg.toString(), fg.toString(), "-o", a.toString(), "--no-cache", "-f");
        assertEquals(0, forced.exit(), forced.err());
        assertEquals(List.of(), hiddenFiles());
    }

    @Test
    void demoWritesOnlyIntoAFreshFolder() throws IOException {
        Path demo = Files.createDirectories(dir.resolve("demo"));
        Path users = Files.writeString(demo.resolve("bg.mp4"), "a user's own bg.mp4");
        remember(users);
        refused(CliRun.of("demo", "-o", demo.toString()), demo.toString(), "not empty");
        refused(CliRun.of("bench", "generate", "-o", demo.toString(), "--seconds", "3"), "not empty");
        assertInputsUntouched();
        try (Stream<Path> s = Files.list(demo)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aCompleteRunLeavesOnlyItsOutput() throws IOException {
        Path a = sidecar();
        Path out = dir.resolve("out.mp4");
        CliRun r = CliRun.of("render", bg.toString(), fg.toString(), "-a", a.toString(), "--preset", "ultrafast",
                "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(out) > 0);
        refused(CliRun.of("render", bg.toString(), fg.toString(), "-a", a.toString(), "-o", out.toString()),
                "exists");
        assertEquals(List.of(), hiddenFiles());
        assertInputsUntouched();
    }
}
