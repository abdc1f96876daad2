package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.testkit.Fixtures;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSidecarInTheDocumentedShapeAndCachesIt() throws Exception {
        GeneratedPair p = Fixtures.demo();
        Path sidecar = dir.resolve("a.json");
        Path cache = dir.resolve("cache");
        CliRun first = CliRun.of("analyze", p.background().toString(), p.foreground().toString(), "-o", sidecar.toString(),
                "--cache-dir", cache.toString());
        assertEquals(0, first.exit(), first.err());
        JsonNode j = new ObjectMapper().readTree(sidecar.toFile());
        assertEquals("vidkompy.alignment/1", j.get("schema").asText());
        for (String clip : new String[] {"background", "foreground"}) {
            for (String f : new String[] {"path", "width", "height", "fps", "frames"}) {
                assertTrue(j.get(clip).has(f), clip + "." + f);
            }
        }
        assertEquals(320, j.get("background").get("width").asInt());
        assertEquals(150, j.get("foreground").get("frames").asInt());
        assertEquals(83.4, j.get("spatial").get("x").asDouble(), 0.5);
        assertEquals(47.7, j.get("spatial").get("y").asDouble(), 0.5);
        assertEquals(1.0, j.get("spatial").get("scale").asDouble(), 0.005);
        assertTrue(j.get("spatial").has("confidence"));
        JsonNode map = j.get("temporal").get("map");
        assertEquals(150, map.size());
        assertEquals(30, map.get(0).asInt());
        assertEquals(179, map.get(149).asInt());
        assertEquals(150, j.get("temporal").get("frameConfidence").size());
        assertTrue(first.out().contains("sidecar: " + sidecar), first.out());

        CliRun second = CliRun.of("analyze", p.background().toString(), p.foreground().toString(), "-o",
                dir.resolve("b.json").toString(), "--cache-dir", cache.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("from the cache"), second.out());
        assertEquals(j.get("temporal"), new ObjectMapper().readTree(dir.resolve("b.json").toFile()).get("temporal"));
    }

    @Test
    void aDamagedCacheEntryIsIgnoredWithAWarning() throws Exception {
        GeneratedPair p = Fixtures.demo();
        Path cache = dir.resolve("cache");
        assertEquals(0, CliRun.of("analyze", p.background().toString(), p.foreground().toString(), "-o",
                dir.resolve("a.json").toString(), "--cache-dir", cache.toString()).exit());
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path e : entries.toList()) {
                Files.writeString(e, "{ \"schema\": \"vidkompy.alignment/1\", \"spatial\": ");
            }
        }
        CliRun again = CliRun.of("analyze", p.background().toString(), p.foreground().toString(), "-o",
                dir.resolve("b.json").toString(), "--cache-dir", cache.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("ignoring unreadable cache entry"), again.err());
        assertFalse(again.out().contains("from the cache"), again.out());
    }

    @Test
    void noOverlapIsAProcessingErrorAndWritesNoSidecar() {
        GeneratedPair a = Fixtures.demo();
        GeneratedPair other = Fixtures.pair("other-scene", new PairSpec(99, 320, 180, PairSpec.demo().bgFps(), 60, -1,
                -1, 160, 90, 20.5, 30.5, 1.0, PairSpec.demo().fgFps(), org.vidkompy.synth.TimeMaps.linear(40, 0, 1.0),
                1, 0, 0, 0, 0, 0, 18, false, false));
        Path sidecar = dir.resolve("none.json");
        CliRun r = CliRun.of("analyze", a.background().toString(), other.foreground().toString(), "-o",
                sidecar.toString(), "--no-cache");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("not found in") && r.err().contains("confidence"), r.err());
        assertFalse(Files.exists(sidecar));
    }
}
