package org.vidkompy.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

/** Every native allocation is released on close: 1,000 open/decode/close cycles must not grow the process. */
class NativeLeakTest {

    @Test
    void thousandOpenCloseCyclesDoNotGrowNativeMemory() throws IOException {
        GeneratedPair p = Fixtures.demo();
        ReaderOptions opts = ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, 64, 36),
                FrameFormat.of(PixelLayout.RGB24, 320, 180));
        VideoProbe probe = new VideoProbe();
        for (int i = 0; i < 100; i++) {
            cycle(p.background(), opts, probe);
        }
        long rssBefore = rssBytes();
        long javacppBefore = Pointer.totalBytes();
        for (int i = 0; i < 1000; i++) {
            cycle(p.background(), opts, probe);
        }
        long rssAfter = rssBytes();
        long javacppAfter = Pointer.totalBytes();
        System.out.printf("RSS %d -> %d MiB, JavaCPP-tracked %d -> %d bytes%n", rssBefore >> 20, rssAfter >> 20,
                javacppBefore, javacppAfter);
        assertTrue(javacppAfter - javacppBefore < 1 << 20, "JavaCPP buffers leak: " + (javacppAfter - javacppBefore));
        // One cycle holds ~0.5 MiB of frame buffers and decoder state: a leak would add ~500 MiB.
        assertTrue(rssAfter - rssBefore < 48L << 20, "native memory grew by " + ((rssAfter - rssBefore) >> 20) + " MiB");
    }

    private static void cycle(Path file, ReaderOptions opts, VideoProbe probe) {
        try (FrameReader r = FrameReader.open(file, opts)) {
            r.next();
        }
        probe.probe(file);
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return 0;
    }
}
