package org.vidkompy.ofx.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What hosts built on the official HostSupport library do and the plain test host did not: inputs
 * cropped to the regions of interest with renders in bands, key functions missing, parameter writes
 * refused, 0x0 images with NULL data; and the identity/region/render contract before Analyze.
 * Patterns as in {@link OfxBundleIT}: fg R=255, G=x ramp, B=frame; bg R=0, G=y ramp, B=frame.
 */
class ConformanceIT {
    private static final String[] CLIPS = {"--fg", "pattern:20", "--bg", "pattern:30", "--fg-size", "64x48",
            "--bg-size", "128x96"};

    private static String[] args(String... more) {
        return TestHost.concat(CLIPS, more);
    }

    private static void assertDone(TestHost.Run run) {
        run.assertDone();
        assertFalse(run.stderr().contains("Exception"), run::dump);
    }

    private static void assertAllRendered(TestHost.Run run) {
        assertFalse(run.lines("RENDER ").isEmpty(), run::dump);
        for (String l : run.lines("RENDER ")) {
            assertTrue(l.contains(" status=0 "), () -> l + "\n" + run.dump());
        }
    }

    @Test
    void bandedRendersOfCroppedInputsEqualTheWholeFrame() throws Exception {
        // shifted by a fraction and scaled: the cubic reads beyond the window's own pixels
        for (String scale : new String[] {"1", "0.5"}) {
            String[] placement = {"--set", "offsetX=30.25", "--set", "offsetY=12.5", "--set", "scale=0.75",
                    "--set", "featherMargin=3", "--scale", scale, "--render", "3"};
            TestHost.Run whole = TestHost.run("roi-whole-" + scale, args(placement));
            TestHost.Run bands = TestHost.run("roi-bands-" + scale, args(TestHost.concat(placement, "--roi-bands", "6")));
            assertDone(whole);
            assertDone(bands);
            assertAllRendered(bands);
            assertEquals(6, bands.lines("ROI time=3").size(), bands::dump);
            // some bands lie beside the fg: the host has no Source pixels for them and says so
            assertFalse(bands.lines("GETIMAGE_OUTSIDE_ROI clip=Source").isEmpty(), bands::dump);
            // and where the fg is needed, less than the whole Source was served
            assertTrue(bands.lines("GETIMAGE_BOUNDS clip=Source").stream().anyMatch(l -> !l.endsWith("rect=0,0,"
                    + (int) Math.ceil(64 * Double.parseDouble(scale)) + "," + (int) Math.ceil(48 * Double.parseDouble(scale)))),
                    bands::dump);
            assertArrayEquals(Files.readAllBytes(whole.out().resolve("out_00003.rgba")),
                    Files.readAllBytes(bands.out().resolve("out_00003.rgba")), "scale " + scale);
        }
    }

    @Test
    void beforeAnalyzeTheOverlayAtTheCurrentPlacementInRegionIdentityAndRender() throws Exception {
        TestHost.Run run = TestHost.run("before-analyze", args("--set", "offsetX=10", "--render", "4"));
        assertDone(run);
        assertEquals("0,0,128,96", run.field("ROD time=4", "rect"), "the output is the background's size");
        assertTrue(run.lines("IDENTITY").isEmpty(), run::dump);
        assertAllRendered(run);
        TestHost.Frame out = TestHost.Frame.read(run, 4, 128, 96);
        assertEquals(0, out.get(5, 5, 0), 0.01, "bg left of the fg");
        assertEquals(255, out.get(12, 5, 0), 0.01, "fg at x=10");
        assertEquals(4, out.get(100, 80, 2), 0.01, "bg frame 4 (no map: t)");
    }

    @Test
    void zeroSizedImagesWithNullDataAreNoImage() throws Exception {
        TestHost.Run noBg = TestHost.run("empty-bg", args("--set", "offsetX=10", "--empty-image", "Background@4",
                "--render", "4"));
        assertDone(noBg);
        assertTrue(noBg.has("GETIMAGE_EMPTY clip=Background time=4"), noBg::dump);
        assertAllRendered(noBg);
        TestHost.Frame out = TestHost.Frame.read(noBg, 4, 128, 96);
        assertEquals(255, out.get(12, 5, 0), 0.01, "fg drawn");
        assertEquals(0, out.get(100, 80, 3), 0.01, "no bg: transparent");

        TestHost.Run noFg = TestHost.run("empty-fg", args("--set", "offsetX=10", "--empty-image", "Source@4",
                "--render", "4"));
        assertDone(noFg);
        assertAllRendered(noFg);
        out = TestHost.Frame.read(noFg, 4, 128, 96);
        assertEquals(0, out.get(12, 5, 0), 0.01, "no fg: the bg");
        assertEquals(255, out.get(12, 5, 3), 0.01);

        TestHost.Run identity = TestHost.run("empty-identity", "--fg", "pattern:10", "--size", "64x48",
                "--empty-image", "Source@2", "--render", "2");
        assertDone(identity);
        assertTrue(identity.has("IDENTITY time=2 clip=Source at=2"), identity::dump);
    }

    @Test
    void aRefusedWriteLeavesEveryParameterAsItWas() throws Exception {
        String stored = "vidkompy-align/1\nxform 3 4 2\nmap 0 5+1x20";
        TestHost.Run run = TestHost.run("refused-write", args("--set", "alignmentData=" + stored, "--set", "offsetX=3",
                "--set", "scale=2", "--fail-param-set", "scale", "--press", "reset", "--render", "2"));
        assertDone(run);
        assertTrue(run.has("PARAM_SET_REFUSED name=scale"), run::dump);
        assertEquals("OfxMessageError", run.field("MESSAGE", "type"));
        assertEquals(stored.replace("\n", "\\n"), run.param("alignmentData"));
        assertEquals("3", run.param("offsetX"));
        assertEquals("2", run.param("scale"));
        assertEquals(run.lines("EDIT_BEGIN").size(), run.lines("EDIT_END").size(), run::dump);
    }

    @Test
    void resetWithoutKeyFunctionsWritesEverything() throws Exception {
        TestHost.Run run = TestHost.run("reset-no-keys", args("--missing-key-functions", "--set",
                "alignmentData=vidkompy-align/1\nxform 3 4 2\nmap 0 5+1x20", "--set", "offsetX=3", "--press", "reset"));
        assertDone(run);
        assertTrue(run.lines("MESSAGE").isEmpty(), run::dump);
        assertEquals("", run.param("alignmentData"));
        assertEquals("0", run.param("offsetX"));
    }

    @Test
    void aMissingBackgroundFileIsNamedAndTheSourcePassesThrough() throws Exception {
        Path notVideo = TestHost.WORK.resolve("not-a-video.mp4");
        Files.createDirectories(TestHost.WORK);
        Files.writeString(notVideo, "this is text, not a video\n");
        for (String file : new String[] {TestHost.WORK.resolve("nowhere/bg.mp4").toString(), notVideo.toString()}) {
            String name = file.contains("nowhere") ? "missing" : "unreadable";
            TestHost.Run run = TestHost.run("bg-file-" + name, "--context", "filter", "--fg", "pattern:10", "--size",
                    "64x48", "--set", "backgroundFile=" + file, "--press", "analyze", "--render", "2");
            assertDone(run);
            assertEquals("OfxMessageError", run.field("MESSAGE", "type"));
            assertTrue(run.lines("MESSAGE").stream().allMatch(l -> l.contains(file)), run::dump);
            assertEquals(2, run.lines("MESSAGE").size(), "on setting the file and on Analyze\n" + run.dump());
            assertTrue(run.has("IDENTITY time=2 clip=Source at=2"), run::dump);
            assertEquals("0,0,64,48", run.field("ROD time=2", "rect"));
            assertEquals("", run.param("alignmentData"));
            TestHost.Frame out = TestHost.Frame.read(run, 2, 64, 48);
            assertEquals(255, out.get(0, 0, 0), 0.01);
        }
    }

    @Test
    void describesTheAnalysisGroupAndTheBackgroundFile() throws Exception {
        TestHost.Run run = TestHost.run("describe-options", "--describe-only");
        assertDone(run);
        for (String context : new String[] {"OfxImageEffectContextGeneral", "OfxImageEffectContextFilter"}) {
            String file = "DESC_PARAM context=" + context + " name=backgroundFile ";
            assertEquals("OfxParamStringIsFilePath", run.field(file, "stringMode"));
            assertEquals("OfxParamTypeGroup", run.field("DESC_PARAM context=" + context + " name=analysisGroup ", "type"));
            for (String p : new String[] {"alignPrecision", "preferUnscaled", "temporalWindow", "borderWidth", "analyze",
                    "analysisSummary"}) {
                assertEquals(1, run.lines("DESC_PARAM context=" + context + " name=" + p + " ").size(), p);
            }
            assertEquals("OfxParamStringIsLabel", run.field("DESC_PARAM context=" + context + " name=analysisSummary ",
                    "stringMode"));
        }
    }

}
