package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.Rational;
import org.vidkompy.testkit.Anamorphic;
import org.vidkompy.testkit.Fixtures;

class ProbeCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonForScripts() throws Exception {
        CliRun r = CliRun.of("probe", "--json", Fixtures.demo().background().toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(320, j.get("width").asInt());
        assertEquals(180, j.get("height").asInt());
        assertEquals(200, j.get("frames").asInt());
        assertEquals(25.0, j.get("fps").asDouble(), 1e-9);
        assertEquals("aac", j.get("audio").get("codec").asText());
        assertEquals("1/1", j.get("pixelAspect").asText());
    }

    /** Anamorphic files say how they are shown: the stored size and the pixels' aspect. */
    @Test
    void pixelAspect() throws Exception {
        Path f = Anamorphic.store(Fixtures.demo().foreground(), dir.resolve("wide.mp4"), 120, 90, new Rational(4, 3));
        CliRun r = CliRun.of("probe", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("120x90") && r.out().contains("pixel aspect 4/3 (shown 160x90)"), r.out());
        JsonNode j = new ObjectMapper().readTree(CliRun.of("probe", "--json", f.toString()).out());
        assertEquals(120, j.get("width").asInt());
        assertEquals("4/3", j.get("pixelAspect").asText());
    }

    @Test
    void humanReadable() {
        CliRun r = CliRun.of("probe", Fixtures.demo().foreground().toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("160x90"), r.out());
        assertTrue(r.out().contains("150 frames"), r.out());
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, CliRun.of("--version").exit());
        CliRun h = CliRun.of("--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("Exit codes"), h.out());
    }
}
