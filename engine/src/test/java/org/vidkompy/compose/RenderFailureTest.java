package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

/** Failures end the whole pipeline, leave no output or partial file behind, and never touch the inputs. */
class RenderFailureTest {

    @TempDir
    Path dir;

    private final Renderer renderer = new Renderer(new VideoProbe());

    private static String digest(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static List<Path> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    private static long pipelineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("vidkompy-")).count();
    }

    @Test
    void anOutputFolderThatDoesNotExistIsAClearErrorBeforeAnyWork() throws Exception {
        GeneratedPair p = Fixtures.demo();
        String bgSum = digest(p.background());
        Path out = dir.resolve("missing/out.mp4");
        MediaException e = assertThrows(MediaException.class, () -> renderer.render(p.background(), p.foreground(),
                TruthAlignment.of(p), null, RenderOptions.to(out), RenderListener.NONE));
        System.out.println("missing folder: " + e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(files(dir).isEmpty());
        assertEquals(bgSum, digest(p.background()));
    }

    @Test
    void aWriteErrorMidwayStopsEveryStageAndLeavesNoFile() throws Exception {
        GeneratedPair p = Fixtures.demo();
        Alignment a = TruthAlignment.of(p);
        // The sink fails on frame 40, as a full disk would; the decoders are then blocked on full queues.
        FrameSink failing = new FrameSink() {
            int n;

            @Override
            public void write(ByteBuffer rgb, long pts) {
                if (++n == 40) {
                    throw new MediaException(dir.resolve("out.mp4"), "cannot write (No space left on device)");
                }
            }

            @Override
            public void finish(long d) {
                throw new AssertionError("finish after a failure");
            }

            @Override
            public void close() {
            }
        };
        MediaException e = assertThrows(MediaException.class,
                () -> renderer.render(p.background(), p.foreground(), a, RenderOptions.to(dir.resolve("x.mp4")), failing));
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
        assertEquals(0, pipelineThreads(), "pipeline threads left running");
    }

    @Test
    void aFullDiskInARealRenderLeavesNoPartialFile() throws Exception {
        // A file size limit (ulimit -f) makes the kernel refuse writes past 64 KiB with EFBIG, the
        // honest stand-in for a full disk available without root: the JVM ignores SIGXFSZ, so
        // FFmpeg's write fails and the error must travel up like ENOSPC would. It needs a process
        // of its own, as the limit applies to every file the process writes.
        GeneratedPair p = Fixtures.demo();
        Path align = dir.resolve("align.json");
        AlignmentFile.write(TruthAlignment.of(p), align);
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Path out = outDir.resolve("out.mp4");
        String bgSum = digest(p.background());
        String fgSum = digest(p.foreground());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "ulimit -f 64 && exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + RenderChild.class.getName() + " '" + p.background() + "' '" + p.foreground() + "' '" + align + "' '"
                + out + "'";
        Process proc = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start();
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
        System.out.println("file-size-limited render: exit " + proc.exitValue() + ": " + output.strip());
        assertEquals(1, proc.exitValue(), output);
        assertTrue(output.contains("File too large"), output);
        assertTrue(files(outDir).isEmpty(), "left behind: " + files(outDir));
        assertEquals(bgSum, digest(p.background()));
        assertEquals(fgSum, digest(p.foreground()));
        // Without the limit the same render succeeds and is bigger than the limit, so the test means something.
        renderer.render(p.background(), p.foreground(), TruthAlignment.of(p), null,
                RenderOptions.to(out).withQuality(18, "ultrafast"), RenderListener.NONE);
        assertTrue(Files.size(out) > 64 * 1024, "size " + Files.size(out));
    }

    @Test
    void interruptingTheRenderCancelsItAndLeavesNoFile() throws Exception {
        GeneratedPair p = Fixtures.demo();
        Path out = dir.resolve("out.mp4");
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                renderer.render(p.background(), p.foreground(), TruthAlignment.of(p), null,
                        RenderOptions.to(out).withQuality(18, "medium"), (done, total) -> {
                            started.countDown();
                            sleep();
                        });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        assertTrue(started.await(30, TimeUnit.SECONDS));
        t.interrupt();
        t.join(30_000);
        assertFalse(t.isAlive());
        assertTrue(thrown.get() instanceof CancellationException, "got " + thrown.get());
        assertTrue(files(dir).isEmpty(), "left behind: " + files(dir));
        assertEquals(0, pipelineThreads());
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void refusesToOverwriteAnInputOrAnExistingOutput() throws Exception {
        GeneratedPair p = Fixtures.demo();
        String fgSum = digest(p.foreground());
        MediaException e = assertThrows(MediaException.class, () -> renderer.render(p.background(), p.foreground(),
                TruthAlignment.of(p), null, RenderOptions.to(p.foreground()).withOverwrite(true), RenderListener.NONE));
        assertTrue(e.getMessage().contains("is an input"), e.getMessage());
        assertEquals(fgSum, digest(p.foreground()));
        Path existing = Files.writeString(dir.resolve("old.mp4"), "keep me");
        e = assertThrows(MediaException.class, () -> renderer.render(p.background(), p.foreground(),
                TruthAlignment.of(p), null, RenderOptions.to(existing), RenderListener.NONE));
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
        assertEquals("keep me", Files.readString(existing));
    }
}
