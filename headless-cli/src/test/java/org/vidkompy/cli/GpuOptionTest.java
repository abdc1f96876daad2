package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.cuda.CudaProbe;
import org.vidkompy.cuda.CudaStatus;
import org.vidkompy.cuda.GpuMode;

/**
 * --gpu through the real command line with a mocked device probe. The inputs are not video: the
 * choice is made (and reported, or refused) before any decoding, and the run then fails on the input,
 * which keeps these tests fast.
 */
class GpuOptionTest {

    private static final CudaStatus NO_DRIVER = CudaStatus.unusable("no CUDA driver (libcuda.so.1 not found)");

    @TempDir
    Path dir;

    private final CudaProbe probe = mock(CudaProbe.class);

    private CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), CudaProbe.class).setBinding().toInstance(probe);
            }
        });
        return new CliRun(code, out.toString(), err.toString());
    }

    private String notVideo() throws Exception {
        Path notVideo = dir.resolve("notes.mp4");
        Files.writeString(notVideo, "not a video");
        return notVideo.toString();
    }

    private String[] analyze(String... extra) throws Exception {
        String[] base = {"analyze", notVideo(), notVideo(), "--no-cache", "-o", dir.resolve("a.json").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void onWithoutAGpuFailsWithExitCodeOneAndTheReasonBeforeDecoding() throws Exception {
        when(probe.probe()).thenReturn(NO_DRIVER);
        CliRun r = run(analyze("--gpu", "on"));
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        // Only this line: the input (not a video) was never opened.
        assertEquals("vidkompy: --gpu on, but CUDA cannot be used: no CUDA driver (libcuda.so.1 not found)\n", r.err());
    }

    @Test
    void autoWithoutAGpuSaysItRunsOnTheCpuOnceThenAnalyses() throws Exception {
        when(probe.probe()).thenReturn(NO_DRIVER);
        CliRun r = run(analyze());
        assertTrue(r.err().startsWith("analysis on CPU: no CUDA driver (libcuda.so.1 not found)\n"), r.err());
        assertEquals(1, r.err().split("analysis on", -1).length - 1, r.err());
        assertTrue(r.err().contains("notes.mp4"), "then the input's own error: " + r.err());
        verify(probe, times(1)).probe();
    }

    @Test
    void offNeverProbes() throws Exception {
        CliRun r = run(analyze("--gpu=off"));
        assertTrue(r.err().startsWith("analysis on CPU: --gpu off\n"), r.err());
        verify(probe, never()).probe();
    }

    @Test
    void quietHidesTheLine() throws Exception {
        CliRun r = run(analyze("--gpu", "off", "-q"));
        assertFalse(r.err().contains("analysis on"), r.err());
    }

    @Test
    void aBadModeIsAUsageErrorAndNothingIsProbed() throws Exception {
        CliRun r = run(analyze("--gpu", "maybe"));
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--gpu must be auto, on or off, got 'maybe'"), r.err());
        verify(probe, never()).probe();
    }

    @Test
    void commandsThatNeverAnalyseNeverProbe() throws Exception {
        assertEquals(ExitCodes.USAGE, run("probe", notVideo(), "--gpu", "on").exit(), "probe has no --gpu");
        assertEquals(ExitCodes.FAILED, run("probe", notVideo()).exit());
        assertEquals(ExitCodes.OK, run("--help").exit());
        assertEquals(ExitCodes.OK, run("analyze", "--help", "--gpu", "on").exit());
        assertEquals(ExitCodes.USAGE, run("render", notVideo(), notVideo(), "-a", dir.resolve("none.json").toString())
                .exit());
        assertEquals(ExitCodes.USAGE, run("join", dir.resolve("out.mp4").toString(), dir.resolve("none.mp4").toString())
                .exit());
        verify(probe, never()).probe();
    }

    @Test
    void theEarlyScanReadsTheFormsPicocliAccepts() {
        assertEquals(GpuMode.AUTO, GpuArgument.of(new String[] {"analyze", "bg", "fg"}));
        assertEquals(GpuMode.ON, GpuArgument.of(new String[] {"analyze", "--gpu", "on", "bg", "fg"}));
        assertEquals(GpuMode.OFF, GpuArgument.of(new String[] {"comp", "bg", "fg", "--gpu=OFF"}));
        assertEquals(GpuMode.AUTO, GpuArgument.of(new String[] {"analyze", "--", "--gpu", "on"}), "after --: a file");
        assertEquals(GpuMode.AUTO, GpuArgument.of(new String[] {"analyze", "bg", "fg", "--gpu"}), "left to picocli");
        assertEquals(GpuMode.AUTO, GpuArgument.of(new String[] {"analyze", "--gpu", "maybe"}), "left to picocli");
        assertEquals(GpuMode.AUTO, GpuArgument.of(new String[] {"analyze", "--gpux=on"}));
    }

    @Test
    void aGpuModeTheEarlyScanCannotSeeIsRefusedNotIgnored() throws Exception {
        Path argFile = dir.resolve("args.txt");
        Files.writeString(argFile, "--gpu\noff\n");
        CliRun r = run(analyze("@" + argFile));
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("vidkompy: --gpu off must be given on the command line itself\n"), r.err());
        verify(probe, never()).probe();
    }

    @Test
    void theRealProbeOnThisMachine() throws Exception {
        // No mock: whatever this machine has, --gpu on either runs or fails with exit 1 and a reason.
        StringWriter err = new StringWriter();
        Path notVideo = dir.resolve("n.mp4");
        Files.writeString(notVideo, "x");
        int code = Cli.execute(new String[] {"analyze", notVideo.toString(), notVideo.toString(), "--no-cache",
                "--gpu", "on"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(ExitCodes.FAILED, code, err.toString());
        System.out.println("--gpu on here: " + err.toString().lines().findFirst().orElse(""));
    }
}
