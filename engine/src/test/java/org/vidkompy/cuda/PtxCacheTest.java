package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NVRTC cache: what the key depends on, hits, misses, and a cache that cannot be used. */
class PtxCacheTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    /** Counts compilations; its "PTX" names what it compiled. */
    static final class FakeCompiler implements PtxCompiler {
        String version = "nvrtc 13.0";
        int calls;

        @Override
        public String version() {
            return version;
        }

        @Override
        public byte[] compile(String name, String source, List<String> options) {
            calls++;
            return ("// " + name + " " + options + " " + source.length() + "\0").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void theKeyChangesWithSourceArchitectureAndCompilerOnly() {
        FakeCompiler c = new FakeCompiler();
        PtxCache cache = new PtxCache(dir, c, warnings::add);
        String k = cache.key("zncc.cu", "source", "sm_90");
        assertEquals(k, cache.key("zncc.cu", "source", "sm_90"), "stable");
        assertEquals(64, k.length());
        assertNotEquals(k, cache.key("zncc.cu", "source ", "sm_90"), "source");
        assertNotEquals(k, cache.key("zncc.cu", "source", "sm_89"), "architecture");
        assertNotEquals(k, cache.key("other.cu", "source", "sm_90"), "name");
        c.version = "nvrtc 13.1";
        assertNotEquals(k, cache.key("zncc.cu", "source", "sm_90"), "compiler");
        assertTrue(cache.fileFor("zncc.cu", "source", "sm_90").getFileName().toString().matches("zncc-sm_90-[0-9a-f]{32}\\.ptx"));
    }

    @Test
    void optionsTargetTheVirtualArchitectureWithoutFusedMultiplyAdd() {
        assertEquals(List.of("--gpu-architecture=compute_90", "--fmad=false", "-default-device"), PtxCache.options("sm_90"));
    }

    @Test
    void compilesOnceThenReadsTheFile() throws Exception {
        FakeCompiler c = new FakeCompiler();
        byte[] first = new PtxCache(dir, c, warnings::add).ptx("band_cost.cu", "src", "sm_80");
        byte[] second = new PtxCache(dir, c, warnings::add).ptx("band_cost.cu", "src", "sm_80");
        assertArrayEquals(first, second);
        assertEquals(1, c.calls);
        new PtxCache(dir, c, warnings::add).ptx("band_cost.cu", "src changed", "sm_80");
        assertEquals(2, c.calls, "an edited kernel misses");
        assertTrue(warnings.isEmpty(), warnings.toString());
        try (var files = java.nio.file.Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void anEmptyFileIsRecompiled() throws Exception {
        FakeCompiler c = new FakeCompiler();
        PtxCache cache = new PtxCache(dir, c, warnings::add);
        Path f = cache.fileFor("zncc.cu", "src", "sm_90");
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[0]);
        byte[] ptx = cache.ptx("zncc.cu", "src", "sm_90");
        assertTrue(ptx.length > 0);
        assertEquals(1, c.calls);
        assertArrayEquals(ptx, Files.readAllBytes(f));
    }

    @Test
    void anUnwritableCacheOnlyCostsACompilation() throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");
        FakeCompiler c = new FakeCompiler();
        byte[] ptx = new PtxCache(file.resolve("ptx"), c, warnings::add).ptx("zncc.cu", "src", "sm_90");
        assertTrue(ptx.length > 0);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("not writable"), warnings.get(0));
    }
}
