package org.vidkompy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * YUV planes reach x264 without a copy when they are tight, of an even size and in native memory
 * (the render's canvases); anything else is copied first. Either way every frame must be encoded as
 * it was when written, although the caller refills the same buffer for the next frame at once, and
 * each frame must keep its timestamp and, for the last, the duration given (a frame's duration is
 * only known when the next arrives, so packets may wait for it). Lossless (crf 0), so the decoded
 * planes are compared sample for sample.
 */
class LentPlanesTest {

    @TempDir
    Path dir;

    /** Irregular gaps in milliseconds, as a screen recorder writes them. */
    private static final long[] PTS = {0, 40, 80, 120, 200, 240, 260, 300, 420, 460, 500, 540, 580, 620, 700, 740,
        780, 820, 860, 900, 940, 1000, 1040, 1080};
    private static final long LAST_DURATION = 70;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String preset : List.of("ultrafast", "veryfast", "medium")) {
            for (PixelLayout layout : List.of(PixelLayout.YUV420P, PixelLayout.YUV420P10)) {
                all.add(Arguments.of(preset, layout, 64, 48, true));
            }
        }
        // Copied: odd sizes (the encoder pads them), planes on the heap, a repeatable file.
        all.add(Arguments.of("veryfast", PixelLayout.YUV420P, 65, 49, true));
        all.add(Arguments.of("veryfast", PixelLayout.YUV420P10, 63, 48, true));
        all.add(Arguments.of("ultrafast", PixelLayout.YUV420P, 64, 48, false));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3} direct={4}")
    @MethodSource("cases")
    void everyFrameIsEncodedAsWrittenAndKeepsItsTime(String preset, PixelLayout layout, int w, int h,
                                                     boolean direct) {
        Path out = dir.resolve(preset + "-" + layout + "-" + w + "x" + h + "-" + direct + ".mp4");
        int bytes = layout.bytes(w, h);
        ByteBuffer planes = (direct ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        WriterOptions opts = WriterOptions.of(w, h, new Rational(25, 1)).withTimeBase(new Rational(1, 1000))
                .withInput(layout).withQuality(0, preset);
        try (VideoWriter writer = VideoWriter.create(out, opts)) {
            for (int i = 0; i < PTS.length; i++) {
                fill(planes, layout, w, h, i);
                writer.write(planes, PTS[i]);
            }
            writer.finish(LAST_DURATION);
        }

        // Read back at the coded size (odd sizes are encoded one column or row larger).
        int cw = w + (w & 1);
        int chh = h + (h & 1);
        ByteBuffer expected = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // 8-bit at crf 0 is lossless. 10-bit at crf 0 is not quite: a few codes on average, 10-15
        // where the pattern wraps; a neighbouring frame would be 28 (luma) or 44 (chroma) codes off
        // nearly everywhere.
        boolean lossless = layout.sampleBytes() == 1;
        List<Double> times = new ArrayList<>();
        try (FrameReader r = FrameReader.open(out, ReaderOptions.of(FrameFormat.of(layout, cw, chh)))) {
            while (r.next()) {
                int i = times.size();
                times.add(r.timestamp());
                fill(expected, layout, w, h, i);
                compare(r.output(0).pixels().order(ByteOrder.LITTLE_ENDIAN), cw, chh, expected, w, h, layout,
                        lossless, i);
            }
        }
        assertEquals(PTS.length, times.size(), "frames");
        for (int i = 0; i < PTS.length; i++) {
            assertEquals(PTS[i] / 1000.0, times.get(i), 1e-6, "timestamp of frame " + i);
        }
        assertEquals((PTS[PTS.length - 1] + LAST_DURATION) / 1000.0, new VideoProbe().probe(out).duration(), 1e-6,
                "the last frame lasts as long as it was told");
    }

    /** Each plane of {@code want} (w × h) against the top left of the same plane in {@code got}. */
    private static void compare(ByteBuffer got, int gw, int gh, ByteBuffer want, int w, int h, PixelLayout layout,
                                boolean lossless, int frame) {
        int sb = layout.sampleBytes();
        long gotBase = 0;
        long wantBase = 0;
        for (int p = 0; p < 3; p++) {
            int pw = p == 0 ? w : PixelLayout.chromaWidth(w);
            int ph = p == 0 ? h : PixelLayout.chromaHeight(h);
            int gpw = p == 0 ? gw : PixelLayout.chromaWidth(gw);
            int gph = p == 0 ? gh : PixelLayout.chromaHeight(gh);
            long sum = 0;
            int worst = 0;
            for (int y = 0; y < ph; y++) {
                for (int x = 0; x < pw; x++) {
                    int g = sample(got, (int) (gotBase + ((long) y * gpw + x) * sb), sb);
                    int e = sample(want, (int) (wantBase + ((long) y * pw + x) * sb), sb);
                    if (lossless && g != e) {
                        throw new AssertionError("frame " + frame + ", plane " + p + " at (" + x + ", " + y + "): "
                                + g + " where " + e + " was written");
                    }
                    sum += Math.abs(g - e);
                    worst = Math.max(worst, Math.abs(g - e));
                }
            }
            double mean = (double) sum / ((long) pw * ph);
            if (mean > 4 || worst > 24) {
                throw new AssertionError("frame " + frame + ", plane " + p + ": " + mean + " codes off on average, "
                        + worst + " at most");
            }
            gotBase += (long) gpw * gph * sb;
            wantBase += (long) pw * ph * sb;
        }
    }

    private static int sample(ByteBuffer b, int k, int sb) {
        return sb == 2 ? b.getShort(k) & 0xffff : b.get(k) & 0xff;
    }

    /** Frame {@code i}: a gradient whose offset and chroma change with i, in limited range. */
    private static void fill(ByteBuffer b, PixelLayout layout, int w, int h, int i) {
        int cw = PixelLayout.chromaWidth(w);
        int ch = PixelLayout.chromaHeight(h);
        int shift = layout.bitDepth() - 8;
        int sb = layout.sampleBytes();
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 16 + (x * 3 + y * 2 + i * 7) % 200;
                k = put(b, k, sb, (v << shift) + (shift > 0 ? (x + i) & 3 : 0));
            }
        }
        for (int p = 0; p < 2; p++) {
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    int v = 16 + (x * (p + 1) + y + i * 11 + p * 50) % 220;
                    k = put(b, k, sb, v << shift);
                }
            }
        }
    }

    private static int put(ByteBuffer b, int k, int sb, int v) {
        if (sb == 2) {
            b.putShort(k, (short) v);
        } else {
            b.put(k, (byte) v);
        }
        return k + sb;
    }
}
