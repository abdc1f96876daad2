package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The .cu files travel as class-path resources, and the Java side launches each kernel with arguments
 * of the kernel's own types in its own order: a mismatch would be garbage or a crash on the GPU, so it
 * is caught here, without one.
 */
class KernelSourcesTest {

    private static final Pattern KERNEL = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(([^)]*)\\)");

    @Test
    void everyKernelSourceIsPackaged() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of("..", "native", "cuda"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cu")).forEach(onDisk::add);
        }
        assertEquals(Set.of(KernelSources.BAND_COST, KernelSources.ZNCC), onDisk);
        for (String f : onDisk) {
            String packaged = KernelSources.read(f);
            assertEquals(Files.readString(Path.of("..", "native", "cuda", f), StandardCharsets.UTF_8), packaged, f);
        }
    }

    @Test
    void kernelsIncludeNothingBecauseNvrtcHasNoHostHeaders() {
        for (String f : new String[] {KernelSources.BAND_COST, KernelSources.ZNCC}) {
            assertTrue(KernelSources.read(f).lines().noneMatch(l -> l.trim().startsWith("#include")), f);
        }
    }

    @Test
    void launchArgumentsMatchTheKernelSignatures() {
        Map<String, String> kinds = new TreeMap<>();
        kinds.putAll(signatures(KernelSources.read(KernelSources.BAND_COST)));
        kinds.putAll(signatures(KernelSources.read(KernelSources.ZNCC)));
        assertEquals(Set.of("band_cost", "pad_planes", "conj_multiply", "zncc_normalize"), kinds.keySet());
        try (KernelArgs a = CudaCostKernel.bandCostArgs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)) {
            assertEquals(kinds.get("band_cost"), a.kinds());
        }
        try (KernelArgs a = CudaCorrelator.padArgs(1, 2, 3, 4, 5, 6, 7, 8)) {
            assertEquals(kinds.get("pad_planes"), a.kinds());
        }
        try (KernelArgs a = CudaCorrelator.conjMultiplyArgs(1, 2, 3, 4, 5)) {
            assertEquals(kinds.get("conj_multiply"), a.kinds());
        }
        try (KernelArgs a = CudaCorrelator.normalizeArgs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)) {
            assertEquals(kinds.get("zncc_normalize"), a.kinds());
        }
    }

    /** Kernel name to its parameter types as {@link KernelArgs#kinds()} letters. */
    static Map<String, String> signatures(String source) {
        String code = source.replaceAll("//[^\n]*", "");
        Map<String, String> out = new TreeMap<>();
        Matcher m = KERNEL.matcher(code);
        while (m.find()) {
            StringBuilder k = new StringBuilder();
            for (String p : m.group(2).split(",")) {
                String t = p.trim();
                k.append(t.contains("*") ? 'p' : t.startsWith("double") ? 'd' : t.startsWith("float") ? 'f'
                        : t.startsWith("int") ? 'i' : '?');
            }
            out.put(m.group(1), k.toString());
        }
        return out;
    }

    @Test
    void theKernelsTheRuntimeLooksUpExist() throws IOException {
        String runtime = Files.readString(Path.of("src/main/java/org/vidkompy/cuda/CudaRuntime.java"));
        Matcher m = Pattern.compile("rt\\.function\\(rt\\.\\w+, rt\\.\\w+, \"(\\w+)\"\\)").matcher(runtime);
        Set<String> looked = new TreeSet<>();
        while (m.find()) {
            looked.add(m.group(1));
        }
        Set<String> defined = new TreeSet<>(signatures(KernelSources.read(KernelSources.BAND_COST)).keySet());
        defined.addAll(signatures(KernelSources.read(KernelSources.ZNCC)).keySet());
        assertEquals(defined, looked);
    }
}
