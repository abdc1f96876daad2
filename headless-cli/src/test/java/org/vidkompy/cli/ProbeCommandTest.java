package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.vidkompy.testkit.Fixtures;

class ProbeCommandTest {

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
