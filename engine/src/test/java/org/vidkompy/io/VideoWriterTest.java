package org.vidkompy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

class VideoWriterTest {

    @TempDir
    Path dir;

    @Test
    void x264MakesItsOwnChoicesExceptForRepeatableFiles() {
        WriterOptions medium = WriterOptions.of(64, 48, new Rational(30, 1));
        assertEquals("", H264Encoder.x264Params(medium));
        assertEquals("", H264Encoder.x264Params(medium.withQuality(18, "veryslow")));
        assertEquals("", H264Encoder.x264Params(medium.withQuality(18, "veryfast")));
        assertEquals("mbtree=0", H264Encoder.x264Params(medium.repeatably()));
    }

    @Test
    void variableFrameRateTimestampsSurviveTheRoundTrip() {
        // Irregular gaps in milliseconds, as a screen recorder produces.
        long[] pts = {0, 33, 67, 100, 180, 200, 233, 400, 433, 467, 500, 620, 640, 700};
        Path out = dir.resolve("vfr.mp4");
        WriterOptions opts = WriterOptions.of(64, 48, new Rational(30, 1)).withTimeBase(new Rational(1, 1000));
        ByteBuffer rgb = ByteBuffer.allocateDirect(64 * 48 * 3);
        try (VideoWriter w = VideoWriter.create(out, opts)) {
            for (int i = 0; i < pts.length; i++) {
                for (int k = 0; k < rgb.capacity(); k++) {
                    rgb.put(k, (byte) (i * 17 + k));
                }
                w.write(rgb, pts[i]);
            }
            w.finish();
        }
        List<Double> read = new ArrayList<>();
        try (FrameReader r = FrameReader.open(out, ReaderOptions.of())) {
            while (r.next()) {
                read.add(r.timestamp());
            }
        }
        assertEquals(pts.length, read.size());
        for (int i = 0; i < pts.length; i++) {
            assertEquals(pts[i] / 1000.0, read.get(i), 1e-3, "timestamp of frame " + i);
        }
        MediaClip info = new VideoProbe().probe(out);
        assertEquals(pts.length, info.frameCount());
        assertFalse(info.hasAudio());
    }

    @Test
    void reencodingKeepsFrameCountTimestampsAndCopiesTheAudio() {
        GeneratedPair p = Fixtures.demo();
        MediaClip in = new VideoProbe().probe(p.foreground());
        Path out = dir.resolve("copy.mp4");
        List<Double> inTimes = new ArrayList<>();
        try (FrameReader r = FrameReader.open(p.foreground(), ReaderOptions.of(FrameFormat.of(PixelLayout.RGB24,
                in.width(), in.height())));
             VideoWriter w = VideoWriter.create(out, WriterOptions.of(in.width(), in.height(), in.nominalFps())
                     .withTimeBase(r.timeBase()).withAudio(AudioSource.of(p.foreground())))) {
            while (r.next()) {
                inTimes.add(r.timestamp());
                w.write(r.output(0).pixels(), r.pts());
            }
            w.finish();
        }
        MediaClip info = new VideoProbe().probe(out);
        assertEquals(in.frameCount(), info.frameCount());
        assertEquals(in.duration(), info.duration(), 1e-6);
        AudioInfo a = info.audio().orElseThrow();
        assertEquals("aac", a.codec());
        System.out.printf("video %.3f s, copied audio %.3f s%n", info.duration(), a.duration());
        assertEquals(info.duration(), a.duration(), 1.0 / 25);
        try (FrameReader r = FrameReader.open(out, ReaderOptions.of())) {
            int i = 0;
            while (r.next()) {
                assertEquals(inTimes.get(i++), r.timestamp(), 1e-6);
            }
        }
    }

    @Test
    void audioFromALaterStartIsCutToTheVideo() {
        GeneratedPair p = Fixtures.demo();
        Path out = dir.resolve("late.mp4");
        ByteBuffer rgb = ByteBuffer.allocateDirect(32 * 32 * 3);
        try (VideoWriter w = VideoWriter.create(out, WriterOptions.of(32, 32, new Rational(25, 1))
                .withAudio(new AudioSource(p.background(), 2.0)))) {
            for (int i = 0; i < 50; i++) {
                w.write(rgb, i);
            }
            w.finish();
        }
        MediaClip info = new VideoProbe().probe(out);
        assertEquals(2.0, info.duration(), 1e-6);
        assertEquals(2.0, info.audio().orElseThrow().duration(), 1.0 / 25);
    }

    @Test
    void unwritableFolderFailsCleanlyAndLeavesNothing() throws Exception {
        Path missing = dir.resolve("no/such/folder/out.mp4");
        MediaException e = assertThrows(MediaException.class,
                () -> VideoWriter.create(missing, WriterOptions.of(32, 32, new Rational(25, 1))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void closingWithoutFinishingLeavesNoFile() throws Exception {
        Path out = dir.resolve("abandoned.mp4");
        ByteBuffer rgb = ByteBuffer.allocateDirect(32 * 32 * 3);
        try (VideoWriter w = VideoWriter.create(out, WriterOptions.of(32, 32, new Rational(25, 1)))) {
            w.write(rgb, 0);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "no output and no temporary file may remain");
        }
    }

    /**
     * The encoder threads as ffmpeg's own {@code -c:v libx264} does: x264 picks its frame threads
     * from the core count (thread_count 0) with frame, not sliced, threading. x264 writes the
     * settings it used into the stream, which is what this reads back.
     */
    @Test
    void x264UsesFrameThreadsLikeFfmpegsDefault() throws java.io.IOException {
        Path out = dir.resolve("threads.mp4");
        ByteBuffer rgb = ByteBuffer.allocateDirect(640 * 360 * 3);
        try (VideoWriter w = VideoWriter.create(out, WriterOptions.of(640, 360, new Rational(25, 1))
                .withTimeBase(new Rational(1, 25)))) {
            for (int i = 0; i < 3; i++) {
                w.write(rgb, i);
            }
            w.finish();
        }
        String bytes = new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("x264 - core [^\\x00]*").matcher(bytes);
        assertTrue(m.find(), "x264 writes its settings into the stream");
        String settings = m.group();
        assertTrue(settings.contains(" sliced_threads=0 "), settings);
        java.util.regex.Matcher threads = java.util.regex.Pattern.compile(" threads=(\\d+) ").matcher(settings);
        assertTrue(threads.find(), settings);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(Integer.parseInt(threads.group(1)) > 1, settings);
        }
    }
}
