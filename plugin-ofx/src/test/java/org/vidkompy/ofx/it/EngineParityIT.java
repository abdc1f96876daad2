package org.vidkompy.ofx.it;

import org.vidkompy.media.Timing;
import org.vidkompy.media.Placement;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.AnalysisProgress;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.compose.FrameSink;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.compose.Renderer;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.ofx.effect.StoredAlignment;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

/**
 * The plugin in the test host against the engine on the same files: Analyze stores what
 * {@code vidkompy analyze} finds, and rendered frames are what {@code vidkompy render} composites.
 * The fixture is the demo pair (320x180 bg, 160x90 fg at (83.4, 47.7), fg frame i = bg frame 30+i),
 * decoded to raw RGBA frames for the host.
 */
class EngineParityIT {
    private static final int[] TIMES = {0, 41, 97, 149};

    private static GeneratedPair pair;
    private static Path fgDir;
    private static Path bgDir;
    private static Injector engine;
    private static Alignment cli;

    @BeforeAll
    static void fixture() throws IOException {
        pair = Fixtures.demo();
        fgDir = decode(pair.foreground(), TestHost.WORK.resolve("demo-fg"));
        bgDir = decode(pair.background(), TestHost.WORK.resolve("demo-bg"));
        engine = Guice.createInjector(new EngineModule());
        cli = engine.getInstance(PairAnalysis.class).run(pair.background(), pair.foreground(), AnalysisOptions.defaults(),
                null, AnalysisProgress.NONE, w -> {
                }).alignment();
    }

    /** Every frame as DIR/frame_%05d.rgba (RGBA8, top row first), as the test host reads them. */
    private static Path decode(Path video, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (FrameReader r = FrameReader.open(video, ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, 8, 8)))) {
            int w = r.width();
            int h = r.height();
            try (FrameReader rgba = FrameReader.open(video, ReaderOptions.of(FrameFormat.of(PixelLayout.RGBA, w, h)))) {
                byte[] px = new byte[w * h * 4];
                int n = 0;
                while (rgba.next()) {
                    rgba.output(0).copyTo(px);
                    Files.write(dir.resolve(String.format("frame_%05d.rgba", n++)), px);
                }
            }
        }
        return dir;
    }

    private static String[] clips(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("--fg", fgDir.toString(), "--bg", bgDir.toString(),
                "--fg-size", "160x90", "--bg-size", "320x180"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static void assertDone(TestHost.Run run) {
        run.assertDone();
        assertTrue(run.lines("GETIMAGE_OUT_OF_RANGE").isEmpty(), run::dump);
    }

    /** The engine's render (before encoding) of the given fg frames with an alignment, RGB24 top-down. */
    private static Map<Integer, byte[]> engineRender(Alignment a) {
        Map<Integer, byte[]> frames = new HashMap<>();
        RenderOptions options = RenderOptions.to(TestHost.WORK.resolve("unused.mp4")).withThreads(1);
        engine.getInstance(Renderer.class).render(pair.background(), pair.foreground(), a, options, new FrameSink() {
            int index;

            @Override
            public void write(ByteBuffer rgb, long pts) {
                int i = index++;
                for (int t : TIMES) {
                    if (t == i) {
                        byte[] copy = new byte[rgb.remaining()];
                        rgb.duplicate().get(copy);
                        frames.put(i, copy);
                    }
                }
            }

            @Override
            public void finish(long lastFrameDuration) {
            }

            @Override
            public void close() {
            }
        });
        return frames;
    }

    /** The CLI's alignment with the placement and map the plugin stored. */
    private static Alignment withRecord(StoredAlignment r) {
        int[] map = new int[cli.temporal().map().length];
        for (int i = 0; i < map.length; i++) {
            map[i] = (int) r.bgTime(i);
        }
        Placement p = r.alignment().spatial();
        return new Alignment(cli.background(), cli.foreground(), new Placement(p.x(), p.y(), p.scale(),
                cli.spatial().confidence()),
                new Timing(cli.temporal().confidence(), map, cli.temporal().frameConfidence(),
                        cli.temporal().unmatched()));
    }

    /** What Analyze stored: the header with the host starts, then the engine's own sidecar JSON. */
    private static StoredAlignment stored(TestHost.Run run) {
        String text = run.param("alignmentData").replace("\\n", "\n");
        assertTrue(text.startsWith("vidkompy-align/2 fgStart=0 bgStart=0\n{\"schema\":\"vidkompy.alignment/1\""),
                text);
        StoredAlignment r = StoredAlignment.parse(text);
        assertEquals(text, r.format(), "stored once, as the record writes it");
        return r;
    }

    private static double[] diff(TestHost.Frame out, byte[] rgb) {
        double sum = 0;
        double max = 0;
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    double d = Math.abs(out.get(x, y, c) - (rgb[(y * out.width() + x) * 3 + c] & 0xff));
                    sum += d;
                    max = Math.max(max, d);
                }
            }
        }
        return new double[] {sum / (out.width() * out.height() * 3.0), max};
    }

    @Test
    void analyzeStoresWhatTheCommandLineFindsAndRenderDrawsWhatItRenders() throws Exception {
        String times = java.util.Arrays.stream(TIMES).mapToObj(Integer::toString).collect(Collectors.joining(","));
        TestHost.Run run = TestHost.run("parity", clips("--cycle-load", "--press", "analyze", "--render", times,
                "--threads", "2"));
        assertDone(run);

        // progress through the host's suite, rising, on the host thread that is inside InstanceChanged
        List<String> updates = run.lines("PROGRESS_UPDATE");
        assertTrue(updates.size() >= 10, run::dump);
        double last = -1;
        for (String u : updates) {
            double f = Double.parseDouble(u.substring(u.indexOf("fraction=") + 9));
            assertTrue(f >= last && f <= 1.0, u);
            last = f;
        }
        assertEquals(1.0, last);
        assertEquals(1, run.lines("PROGRESS_END").size(), run::dump);
        List<String> analysisFetches = run.lines("GETIMAGE").stream()
                .filter(l -> !l.endsWith("action=OfxImageEffectActionRender")).collect(Collectors.toList());
        assertTrue(analysisFetches.size() >= 350, "every frame of both clips at least once: " + analysisFetches.size());
        for (String l : analysisFetches) {
            assertTrue(l.endsWith("action=OfxActionInstanceChanged"), () -> l + "\n" + run.dump());
        }

        // one edit block holding every write of the analysis
        int begin = run.log().indexOf("EDIT_BEGIN name=Align overlay depth=1");
        int end = run.log().indexOf("EDIT_END depth=0");
        assertTrue(begin >= 0 && end > begin, run::dump);
        List<String> writes = run.lines("PARAM_SET ");
        assertEquals(7, writes.size(), run::dump);
        for (String w : writes) {
            int at = run.log().indexOf(w);
            assertTrue(at > begin && at < end, () -> w + " outside the edit block\n" + run.dump());
        }

        // the stored alignment is the command line's
        StoredAlignment r = stored(run);
        int[] map = cli.temporal().map();
        assertEquals(map.length, r.frames());
        int[] stored = withRecord(r).temporal().map();
        assertArrayEquals(map, stored, "bg frame under every fg frame");
        assertEquals(cli.spatial().x(), r.alignment().spatial().x(), 0.1, "x");
        assertEquals(cli.spatial().y(), r.alignment().spatial().y(), 0.1, "y");
        assertEquals(cli.spatial().scale(), r.alignment().spatial().scale(), 1e-3 * cli.spatial().scale(), "scale");
        assertEquals(r.alignment().spatial().x(), Double.parseDouble(run.param("offsetX")), 1e-6);
        assertEquals(r.alignment().spatial().y(), Double.parseDouble(run.param("offsetY")), 1e-6);
        assertEquals(r.alignment().spatial().scale(), Double.parseDouble(run.param("scale")), 1e-6);
        System.out.printf("parity: cli x=%.4f y=%.4f scale=%.5f, plugin x=%.4f y=%.4f scale=%.5f, map %d entries equal%n",
                cli.spatial().x(), cli.spatial().y(), cli.spatial().scale(), r.alignment().spatial().x(), r.alignment().spatial().y(), r.alignment().spatial().scale(), map.length);

        // render: bg fetched at map(t); pixels as the engine composites them
        Map<Integer, byte[]> sameAlignment = engineRender(withRecord(r));
        Map<Integer, byte[]> cliAlignment = engineRender(cli);
        for (int t : TIMES) {
            assertEquals("0", run.field("RENDER time=" + t + " ", "status"), run::dump);
            assertEquals(map[t] + "," + map[t], run.field("FRAMES_NEEDED time=" + t + " ", "Background"));
            assertTrue(run.has("GETIMAGE clip=Background time=" + map[t] + " action=OfxImageEffectActionRender"),
                    run::dump);
            TestHost.Frame out = TestHost.Frame.read(run, t, 320, 180);
            double[] exact = diff(out, sameAlignment.get(t));
            double[] vsCli = diff(out, cliAlignment.get(t));
            System.out.printf("parity: t=%d bg=%d vs engine render, same alignment: mean %.4f max %.0f; "
                    + "CLI alignment: mean %.4f max %.0f%n", t, map[t], exact[0], exact[1], vsCli[0], vsCli[1]);
            assertTrue(exact[1] <= 1, "t=" + t + " max diff " + exact[1]);
            assertTrue(vsCli[0] <= 1, "t=" + t + " mean diff " + vsCli[0]);
        }
    }

    @Test
    void cancelDuringAnalyzeLeavesParametersUntouched() throws Exception {
        TestHost.Run run = TestHost.run("parity-cancel", clips("--set", "offsetX=7", "--press", "analyze",
                "--cancel-after", "3"));
        assertDone(run);
        assertTrue(run.has("PROGRESS_CANCEL n=3"), run::dump);
        assertEquals(3, run.lines("PROGRESS_UPDATE").size(), "no update after the cancel\n" + run.dump());
        assertTrue(run.lines("EDIT_BEGIN").isEmpty(), run::dump);
        assertTrue(run.lines("PARAM_SET ").isEmpty(), run::dump);
        assertEquals("7", run.param("offsetX"));
        assertEquals("", run.param("alignmentData"));
        assertTrue(run.lines("GETIMAGE").size() < 350, "stopped before the scan ended\n" + run.dump());
        assertEquals("OfxMessageLog", run.field("MESSAGE", "type"));
    }

    @Test
    void analyzeOnAHostWithoutKeyFunctionsWritesTheWholeResult() throws Exception {
        TestHost.Run run = TestHost.run("parity-no-keys", clips("--missing-key-functions", "--set", "offsetX=7",
                "--press", "analyze", "--render", "41"));
        assertDone(run);
        assertTrue(run.lines("MESSAGE").isEmpty(), run::dump);
        StoredAlignment r = stored(run);
        assertEquals(r.alignment().spatial().x(), Double.parseDouble(run.param("offsetX")), 1e-6, "offsets written with the map");
        assertEquals(r.alignment().spatial().y(), Double.parseDouble(run.param("offsetY")), 1e-6);
        assertEquals(cli.spatial().x(), r.alignment().spatial().x(), 0.1);
        assertTrue(run.param("analysisSummary").contains("150 of 150 fg frames matched"), run::dump);
        TestHost.Frame out = TestHost.Frame.read(run, 41, 320, 180);
        double[] d = diff(out, engineRender(withRecord(r)).get(41));
        assertTrue(d[1] <= 1, "max diff " + d[1]);
    }

    @Test
    void filterContextWithABackgroundFileMatchesTheCommandLine() throws Exception {
        String times = java.util.Arrays.stream(TIMES).mapToObj(Integer::toString).collect(Collectors.joining(","));
        TestHost.Run run = TestHost.run("parity-filter-file", "--context", "filter", "--fg", fgDir.toString(),
                "--fg-size", "160x90", "--set", "backgroundFile=" + pair.background().toAbsolutePath(),
                "--press", "analyze", "--render", times, "--threads", "2");
        assertDone(run);
        assertTrue(run.lines("MESSAGE").isEmpty(), run::dump);
        // only the host's Source is fetched; the background comes from the file
        assertTrue(run.lines("GETIMAGE clip=Background").isEmpty(), run::dump);
        StoredAlignment r = stored(run);
        int[] map = cli.temporal().map();
        assertArrayEquals(map, withRecord(r).temporal().map(), "bg frame under every fg frame");
        assertEquals(cli.spatial().x(), r.alignment().spatial().x(), 0.1, "x");
        assertEquals(cli.spatial().y(), r.alignment().spatial().y(), 0.1, "y");
        assertEquals(cli.spatial().scale(), r.alignment().spatial().scale(), 1e-3 * cli.spatial().scale(), "scale");
        System.out.printf("parity (filter, bg file): cli x=%.4f y=%.4f, plugin x=%.4f y=%.4f, map %d entries equal; %s%n",
                cli.spatial().x(), cli.spatial().y(), r.alignment().spatial().x(), r.alignment().spatial().y(), map.length, run.param("analysisSummary"));
        Map<Integer, byte[]> engineFrames = engineRender(withRecord(r));
        for (int t : TIMES) {
            assertEquals("0", run.field("RENDER time=" + t + " ", "status"), run::dump);
            assertEquals("0,0,320,180", run.field("ROD time=" + t + " ", "rect"));
            TestHost.Frame out = TestHost.Frame.read(run, t, 320, 180);
            double[] d = diff(out, engineFrames.get(t));
            System.out.printf("parity (filter, bg file): t=%d vs engine render: mean %.4f max %.0f%n", t, d[0], d[1]);
            assertTrue(d[0] <= 1, "t=" + t + " mean diff " + d[0]);
        }
        // half scale: the file's frame is read at the render scale
        Placement p = r.alignment().spatial();
        TestHost.Run half = TestHost.run("parity-filter-file-half", "--context", "filter", "--fg", fgDir.toString(),
                "--fg-size", "160x90", "--set", "alignmentData=" + r.format(), "--set", "offsetX=" + p.x(),
                "--set", "offsetY=" + p.y(), "--set", "scale=" + p.scale(), "--set",
                "backgroundFile=" + pair.background().toAbsolutePath(), "--render", "41", "--scale", "0.5");
        assertDone(half);
        assertEquals("0", half.field("RENDER time=41 ", "status"), half::dump);
        TestHost.Frame small = TestHost.Frame.read(half, 41, 160, 90);
        TestHost.Frame full = TestHost.Frame.read(run, 41, 320, 180);
        double sum = 0;
        int n = 0;
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 40; x++) { // bg only (the fg starts at x=83 full size): the full frame's 2x2 mean
                for (int c = 0; c < 3; c++) {
                    double avg = (full.get(2 * x, 2 * y, c) + full.get(2 * x + 1, 2 * y, c) + full.get(2 * x, 2 * y + 1, c)
                            + full.get(2 * x + 1, 2 * y + 1, c)) / 4;
                    sum += Math.abs(small.get(x, y, c) - avg);
                    n++;
                }
            }
        }
        System.out.printf("parity (filter, bg file): half scale bg vs 2x2 mean of full: mean %.3f%n", sum / n);
        assertTrue(sum / n <= 4, "half-scale background mean diff " + sum / n);
    }
}
