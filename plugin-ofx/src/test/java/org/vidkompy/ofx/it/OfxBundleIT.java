package org.vidkompy.ofx.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bundle in the headless test host. Patterns: foreground R=255, G=x ramp, B=frame; background
 * R=0, G=y ramp, B=frame (8-bit scale), so an output pixel says which clip and which frame it shows.
 * Foreground 64x48, background 128x96 unless stated.
 */
class OfxBundleIT {
    private static final String[] CLIPS = {"--fg", "pattern:20", "--bg", "pattern:30", "--fg-size", "64x48",
            "--bg-size", "128x96"};

    private static String[] args(String[] first, String... more) {
        return TestHost.concat(first, more);
    }

    private static void assertDone(TestHost.Run run) {
        run.assertDone();
    }

    @Test
    void describesBothContextsAcrossLoadUnloadLoad() throws Exception {
        TestHost.Run run = TestHost.run("describe", "--cycle-load", "--describe-only");
        assertDone(run);
        assertTrue(run.has("SCAN ok"), run::dump);
        assertEquals(2, run.lines("ACTION OfxActionLoad status=0").size(), run::dump);
        assertEquals(2, run.lines("ACTION OfxActionUnload status=0").size(), run::dump);
        assertEquals("OfxImageEffectContextGeneral,OfxImageEffectContextFilter", run.field("DESC_EFFECT", "contexts"));
        assertEquals("1", run.field("DESC_EFFECT", "temporal"));
        assertEquals("OfxBitDepthByte,OfxBitDepthShort,OfxBitDepthFloat", run.field("DESC_EFFECT", "depths"));
        assertEquals("1", run.field("DESC_CLIP context=OfxImageEffectContextGeneral name=Background", "optional"));
        assertEquals("1", run.field("DESC_CLIP context=OfxImageEffectContextGeneral name=Background", "temporal"));
        assertEquals("1", run.field("DESC_CLIP context=OfxImageEffectContextGeneral name=Source", "temporal"));
        assertTrue(run.lines("DESC_CLIP context=OfxImageEffectContextFilter name=Background").isEmpty(), run::dump);
        assertTrue(run.lines("DESC_PARAM context=OfxImageEffectContextGeneral name=analyze type=OfxParamTypePushButton label=Align overlay ")
                .size() == 1, run::dump);
        String data = "DESC_PARAM context=OfxImageEffectContextGeneral name=alignmentData";
        assertEquals("1", run.field(data, "secret"));
        assertEquals("1", run.field(data, "persistent"));
        assertEquals("OfxParamStringIsMultiLine", run.field(data, "stringMode"));
        for (String p : List.of("offsetX", "offsetY", "scale", "bgTimeOffset", "featherMargin", "reset")) {
            assertEquals(1, run.lines("DESC_PARAM context=OfxImageEffectContextGeneral name=" + p + " ").size(), p);
        }
    }

    @Test
    void survivesUnloadDlcloseAndReloadWithoutOfxSetHost() throws Exception {
        // HostSupport-style: no OfxSetHost; the binary is even closed and reopened between scan and use,
        // so the second Load must find the JVM the first one created.
        TestHost.Run run = TestHost.run("reopen", args(CLIPS, "--cycle-load", "--reopen", "--no-sethost",
                "--set", "offsetX=32", "--render", "3"));
        assertDone(run);
        assertTrue(run.has("DLCLOSE"), run::dump);
        assertEquals(2, run.lines("ACTION OfxActionLoad status=0").size(), run::dump);
        assertTrue(run.lines("OFXSETHOST").isEmpty(), run::dump);
        assertEquals("0", run.field("RENDER time=3", "status"));
    }

    @Test
    void rendersFromTwoHostThreadsAtMappedBackgroundTimes() throws Exception {
        // placement set by hand (Analyze on real footage: EngineParityIT); no stored map, so map(t) = t + offset
        TestHost.Run run = TestHost.run("two-threads", args(CLIPS, "--cycle-load", "--set", "offsetX=32",
                "--set", "offsetY=24", "--set", "bgTimeOffset=3", "--render", "0,5,10,15", "--threads", "2"));
        assertDone(run);
        assertEquals("32", run.param("offsetX"));
        assertEquals("3", run.param("bgTimeOffset"));

        Set<String> renderThreads = new TreeSet<>();
        for (int t : new int[] {0, 5, 10, 15}) {
            assertEquals("0", run.field("RENDER time=" + t + " ", "status"));
            renderThreads.add(run.field("RENDER time=" + t + " ", "thread"));
            assertEquals(t + "," + t, run.field("FRAMES_NEEDED time=" + t + " ", "Source"));
            assertEquals((t + 3) + "," + (t + 3), run.field("FRAMES_NEEDED time=" + t + " ", "Background"));
            assertTrue(run.has("GETIMAGE clip=Background time=" + (t + 3) + " action=OfxImageEffectActionRender"), run::dump);

            TestHost.Frame out = TestHost.Frame.read(run, t, 128, 96);
            assertEquals(0, out.get(5, 5, 0), 0.01, "background at the corner");
            assertEquals(t + 3, out.get(5, 5, 2), 0.01, "background frame map(t)");
            assertEquals(255, out.get(64, 48, 0), 0.01, "foreground in the middle");
            assertEquals(t, out.get(64, 48, 2), 0.01, "foreground frame t");
            assertEquals(255, out.get(32, 24, 0), 0.01, "foreground top-left corner at (32, 24)");
            assertEquals(0, out.get(31, 24, 0), 0.01, "background left of it");
            assertEquals(0, out.get(32, 23, 0), 0.01, "background above it");
        }
        assertEquals(Set.of("1", "2"), renderThreads, "renders ran on both host threads");
    }

    @Test
    void passesTheForegroundThroughWithoutBackground() throws Exception {
        for (String context : List.of("general", "filter")) {
            TestHost.Run run = TestHost.run("passthrough-" + context, "--context", context, "--fg", "pattern:10",
                    "--size", "64x48", "--set", "offsetX=10", "--render", "4");
            assertDone(run);
            assertTrue(run.has("IDENTITY time=4 clip=Source at=4"), run::dump);
            assertTrue(run.lines("FRAMES_NEEDED time=4 Source=4,4 Background").isEmpty(), run::dump);
            TestHost.Frame out = TestHost.Frame.read(run, 4, 64, 48);
            assertEquals(255, out.get(0, 0, 0), 0.01);
            assertEquals(4, out.get(10, 10, 2), 0.01);
        }
        TestHost.Run noAnalysis = TestHost.run("analyze-without-bg", "--fg", "pattern:10", "--press", "analyze");
        assertDone(noAnalysis);
        assertEquals("OfxMessageError", noAnalysis.field("MESSAGE", "type"));
        assertEquals("", noAnalysis.param("alignmentData"));
    }

    @Test
    void rendersAtHalfScaleInFloatWithNegativeRowBytes() throws Exception {
        TestHost.Run run = TestHost.run("half-float", args(CLIPS, "--set", "offsetX=32", "--set", "offsetY=24",
                "--render", "6", "--scale", "0.5", "--depth", "float", "--negative-rowbytes", "--row-pad", "12"));
        assertDone(run);
        assertEquals("0", run.field("RENDER time=6", "status"));
        assertEquals("64", run.field("OUTPUT time=6", "width"));
        assertEquals("48", run.field("OUTPUT time=6", "height"));
        TestHost.Frame out = TestHost.Frame.read(run, 6, 64, 48);
        assertTrue(out.isFloat());
        assertEquals(0, out.get(2, 2, 0), 1e-3, "background");
        assertEquals(6, out.get(2, 2, 2), 1e-3, "background frame");
        assertEquals(255, out.get(20, 15, 0), 1e-3, "foreground");
        assertEquals(255, out.get(16, 12, 0), 1e-3, "foreground top-left at (32, 24) / 2");
        assertEquals(0, out.get(15, 12, 0), 1e-3);
        assertEquals(255, out.get(20, 15, 3), 1e-3, "opaque");
    }

    @Test
    void rendersEightBitFromRawFrameFilesAndHonoursTheRenderWindow() throws Exception {
        Path fg = TestHost.WORK.resolve("raw-fg");
        Path bg = TestHost.WORK.resolve("raw-bg");
        writeFrames(fg, 16, 12, 3, new byte[] {(byte) 200, 10, 20, (byte) 255});
        writeFrames(bg, 32, 24, 3, new byte[] {5, 100, 50, (byte) 255});
        TestHost.Run run = TestHost.run("raw-window", "--fg", fg.toString(), "--bg", bg.toString(), "--fg-size", "16x12",
                "--bg-size", "32x24", "--set", "offsetX=8", "--set", "offsetY=6", "--render", "1",
                "--window", "0,0,16,12");
        assertDone(run);
        TestHost.Frame out = TestHost.Frame.read(run, 1, 32, 24);
        // window = lower-left quadrant in OFX (y up) = rows 12..23 top-down, columns 0..15
        assertEquals(100, out.get(2, 20, 1), 0.01, "background inside the window");
        assertEquals(200, out.get(10, 13, 0), 0.01, "foreground inside the window");
        assertEquals(0, out.get(20, 20, 3), 0.01, "outside the window stays untouched");
        assertEquals(0, out.get(10, 5, 3), 0.01, "outside the window stays untouched");
    }

    private static void writeFrames(Path dir, int w, int h, int count, byte[] rgba) throws IOException {
        Files.createDirectories(dir);
        ByteBuffer frame = ByteBuffer.allocate(w * h * 4).order(ByteOrder.nativeOrder());
        for (int i = 0; i < w * h; i++) {
            frame.put(rgba);
        }
        for (int f = 0; f < count; f++) {
            Files.write(dir.resolve(String.format("frame_%05d.rgba", f)), frame.array());
        }
    }

    @Test
    void analyzeOnClipsThatDoNotMatchSaysSoAndKeepsTheParameters() throws Exception {
        // the two patterns share no picture: the engine finds no placement
        TestHost.Run run = TestHost.run("no-match", args(CLIPS, "--set", "offsetX=7", "--press", "analyze"));
        assertDone(run);
        assertEquals("OfxMessageError", run.field("MESSAGE", "type"));
        assertTrue(run.lines("MESSAGE").get(0).contains("could not find the foreground in the background"), run::dump);
        assertTrue(run.lines("EDIT_BEGIN").isEmpty(), run::dump);
        assertEquals("7", run.param("offsetX"));
        assertEquals("", run.param("alignmentData"));
        assertEquals(1, run.lines("PROGRESS_END").size(), run::dump);
    }

    @Test
    void resetClearsTheAlignmentInOneEditBlock() throws Exception {
        TestHost.Run run = TestHost.run("reset", args(CLIPS, "--set", "alignmentData=vidkompy-align/1\nxform 3 4 2\nmap 0 5+1x20",
                "--set", "offsetX=3", "--set", "offsetY=4", "--set", "scale=2", "--press", "reset", "--render", "2"));
        assertDone(run);
        assertEquals(1, run.lines("EDIT_BEGIN").size(), run::dump);
        assertEquals(7, run.lines("PARAM_SET ").size(), run::dump);
        assertEquals("", run.param("alignmentData"));
        assertEquals("0", run.param("offsetX"));
        assertEquals("1", run.param("scale"));
        // no alignment, a background: the fg over bg frame t at the default placement, never an identity
        assertTrue(run.lines("IDENTITY").isEmpty(), run::dump);
        assertEquals("0", run.field("RENDER time=2", "status"));
        TestHost.Frame out = TestHost.Frame.read(run, 2, 128, 96);
        assertEquals(255, out.get(0, 0, 0), 0.01, "fg at (0, 0)");
        assertEquals(0, out.get(100, 80, 0), 0.01, "bg beside it");
        assertEquals(2, out.get(100, 80, 2), 0.01, "bg frame 2");
    }

    @Test
    void aProjectSavedByTheEarlierPluginRendersWithItsMap() throws Exception {
        // vidkompy-align/1 (xform + run-length map of bg host times), as older plugins stored it
        TestHost.Run run = TestHost.run("legacy-data", args(CLIPS, "--set",
                "alignmentData=vidkompy-align/1\nxform 3 4 2\nmap 0 5+1x20", "--render", "2,19"));
        assertDone(run);
        assertTrue(run.lines("MESSAGE").isEmpty(), run::dump);
        assertEquals("7,7", run.field("FRAMES_NEEDED time=2 ", "Background"));
        assertEquals("24,24", run.field("FRAMES_NEEDED time=19 ", "Background"));
        TestHost.Frame out = TestHost.Frame.read(run, 2, 128, 96);
        assertEquals(7, out.get(100, 80, 2), 0.01, "bg frame map(2) = 7");
    }

    @Test
    void javaExceptionInRenderBecomesAnErrorStatusAndTheHostGoesOn() throws Exception {
        TestHost.Run run = TestHost.run("throw", Map.of(TestHost.AlignDebug.ENV, "render@5"),
                args(CLIPS, "--set", "offsetX=10", "--render", "0,5,10", "--threads", "2"));
        assertDone(run);
        assertEquals("1", run.field("RENDER time=5", "status"));
        assertEquals("0", run.field("RENDER time=0", "status"));
        assertEquals("0", run.field("RENDER time=10", "status"));
        assertEquals("OfxMessageError", run.field("MESSAGE", "type"));
        assertTrue(run.stderr().contains("forced render failure"), run::dump);
        assertTrue(run.has("ACTION OfxActionDestroyInstance status=0 thread=0 ms=0")
                || !run.lines("ACTION OfxActionDestroyInstance status=0").isEmpty(), run::dump);
    }

    @Test
    void exportsOnlyTheOfxEntryPoints() throws Exception {
        Path binary = TestHost.BUNDLE.resolve("Contents/Linux-x86-64/VidkompyAlign.ofx");
        assertTrue(Files.isRegularFile(binary), binary.toString());
        Process nm;
        try {
            nm = new ProcessBuilder("nm", "-D", "--defined-only", binary.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "nm not available");
            return;
        }
        String out = new String(nm.getInputStream().readAllBytes());
        assertTrue(nm.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, nm.exitValue(), out);
        Set<String> symbols = out.lines().map(l -> l.substring(l.lastIndexOf(' ') + 1)).collect(Collectors.toSet());
        assertEquals(Set.of("OfxGetNumberOfPlugins", "OfxGetPlugin", "OfxSetHost"), symbols, out);
    }

    @Test
    void runsOnTheBundledRuntimeWithoutJavaHome() throws Exception {
        // only with -Pjlink: the shell must prefer Contents/Resources/runtime over JAVA_HOME
        assumeTrue(Files.isRegularFile(TestHost.BUNDLE.resolve("Contents/Resources/runtime/lib/server/libjvm.so")),
                "bundle built without -Pjlink");
        TestHost.Run run = TestHost.run("bundled-runtime", Map.of("JAVA_HOME", "/nonexistent"),
                args(CLIPS, "--set", "offsetX=32", "--render", "1"));
        assertDone(run);
        assertEquals("0", run.field("RENDER time=1", "status"));
    }

    @Test
    void bundleHasTheLayoutHostsExpect() {
        Path contents = TestHost.BUNDLE.resolve("Contents");
        assertTrue(Files.isRegularFile(contents.resolve("Linux-x86-64/VidkompyAlign.ofx")));
        assertTrue(Files.isRegularFile(contents.resolve("Info.plist")));
        assertTrue(Files.isDirectory(contents.resolve("Resources")));
        try (var jars = Files.list(contents.resolve("Resources"))) {
            Set<String> names = jars.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("vidkompy-jni-bridge-")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("jna-")), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.endsWith(".pom")), names.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
