package org.vidkompy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.Rational;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;

/**
 * Memory follows the frame size: the whole job (analysis and render) on a large bg with a fg a
 * quarter of its width fits the launcher's default heap ({@code -Xmx768m}, see {@code ./vidkompy}).
 * It runs in a JVM of its own, so the heap is the launcher's and not the test runner's.
 *
 * <p>The 4K pair runs always. The 8K pair (7680x4320) takes minutes to generate on a small machine,
 * so it is opt-in: {@code -Dvidkompy.test8k=true}.
 */
class LargeFrameMemoryTest {

    /** The launcher's default heap. */
    static final String HEAP = "-Xmx768m";
    /**
     * A quarter of the pixels in a third of the heap. Before the final placement worked on a crop,
     * the 4K job needed 290 MB of live heap and failed under -Xmx224m; it now peaks at 150 MB.
     */
    static final String HEAP_4K = "-Xmx256m";

    /** A finished child JVM: its exit status and everything it printed. */
    private record Child(int exit, String output) {

        static Child run(String heap, Class<?> main, String... args) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    heap, "-cp", System.getProperty("java.class.path"), main.getName()));
            cmd.addAll(List.of(args));
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(proc.waitFor(600, TimeUnit.SECONDS));
            return new Child(proc.exitValue(), output);
        }
    }

    @TempDir
    Path dir;

    @Test
    void a4kPairIsAnalysedAndRenderedWithinTheLaunchersHeap() throws Exception {
        runWithinHeap(3840, 2160, HEAP_4K);
    }

    @Test
    @EnabledIfSystemProperty(named = "vidkompy.test8k", matches = "true")
    void an8kPairIsAnalysedAndRenderedWithinTheLaunchersHeap() throws Exception {
        runWithinHeap(7680, 4320, HEAP);
    }

    private void runWithinHeap(int width, int height, String heap) throws Exception {
        // The synthetic scene needs about 150 bytes a pixel to build: generated in a JVM of its own.
        Child gen = Child.run("-Xmx" + ((long) width * height * 250 / (1L << 30) + 1) + "g",
                GeneratePairChild.class, String.valueOf(width), String.valueOf(height), dir.toString());
        assertEquals(0, gen.exit(), gen.output());
        Path bg = dir.resolve("bg.mp4");
        Path fg = dir.resolve("fg.mp4");
        Path out = dir.resolve("out.mp4");
        Child job = Child.run(heap, AnalyzeAndRenderChild.class, bg.toString(), fg.toString(), out.toString());
        System.out.println(width + "x" + height + " bg under " + heap + ": exit " + job.exit() + ": "
                + job.output().strip());
        assertEquals(0, job.exit(), job.output());
        assertTrue(Files.size(out) > 0);
        // Found where it is (a sanity check: crf 40 on 6 frames; 8K lands 0.48 px off, 4K 0.17).
        Matcher m = Pattern.compile("placement (\\S+) (\\S+) (\\S+)").matcher(job.output());
        assertTrue(m.find(), job.output());
        PairSpec s = spec(width, height);
        String output = job.output();
        assertEquals(s.x(), Double.parseDouble(m.group(1)), 1.0, output);
        assertEquals(s.y(), Double.parseDouble(m.group(2)), 1.0, output);
    }

    /** 8 bg frames; a fg a quarter of the bg's width at scale 1, 6 frames from bg frame 1; crf 40. */
    static PairSpec spec(int width, int height) {
        Rational fps = new Rational(25, 1);
        int fw = width / 4 & ~1;
        int fh = height / 4 & ~1;
        double x = width * 0.4 + 0.3;
        double y = height * 0.35 + 0.6;
        return new PairSpec(11, width, height, fps, 8, -1, -1, fw, fh, x, y, 1.0, fps,
                TimeMaps.linear(6, 1, 1.0), 1.0, 0.0, 0.0, 0, 0, 0, 40, false, false);
    }
}
