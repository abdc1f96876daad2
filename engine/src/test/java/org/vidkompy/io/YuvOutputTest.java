package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;

/**
 * YUV 4:2:0 output of the reader, the render's input: a frame already in the encoder's colours
 * (BT.709 limited) is copied unchanged; one in another matrix or range is re-expressed in them
 * directly ({@link YuvMatrix}), close to what the RGB round trip the RGB render took gives for
 * colours inside the RGB cube (the round trip clipped those outside it; the direct map does not).
 */
class YuvOutputTest {

    private static final Path FILE = Path.of("test");

    private static AVFrame frame(int w, int h, int space, int range) {
        AVFrame f = av_frame_alloc();
        f.format(AV_PIX_FMT_YUV420P);
        f.width(w);
        f.height(h);
        f.colorspace(space);
        f.color_range(range);
        assertEquals(0, av_frame_get_buffer(f, 0));
        int lo = range == AVCOL_RANGE_JPEG ? 0 : 16;
        int hi = range == AVCOL_RANGE_JPEG ? 255 : 235;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0.5 + 0.25 * Math.sin(x * 0.05) * Math.cos(y * 0.07);
                f.data(0).put((long) y * f.linesize(0) + x, (byte) Math.round(lo + (hi - lo) * v));
            }
        }
        for (int y = 0; y < (h + 1) / 2; y++) {
            for (int x = 0; x < (w + 1) / 2; x++) {
                long u = (long) y * f.linesize(1) + x;
                long v = (long) y * f.linesize(2) + x;
                f.data(1).put(u, (byte) Math.round(128 + 20 * Math.sin(x * 0.11 + y * 0.03)));
                f.data(2).put(v, (byte) Math.round(128 + 20 * Math.cos(x * 0.05 - y * 0.09)));
            }
        }
        return f;
    }

    private static byte[] convert(AVFrame f, boolean viaRgb, FrameConverter.YuvRoute expect) {
        try (FrameConverter c = new FrameConverter(FrameFormat.of(PixelLayout.YUV420P, f.width(), f.height()),
                Orientation.NONE)) {
            c.viaRgbOnly = viaRgb;
            c.convert(f, FILE);
            assertEquals(expect, c.route());
            ByteBuffer b = c.pixels();
            byte[] out = new byte[PixelLayout.YUV420P.bytes(f.width(), f.height())];
            b.get(0, out);
            return out;
        }
    }

    @Test
    void bt709LimitedIsCopied() {
        AVFrame f = frame(161, 91, AVCOL_SPC_BT709, AVCOL_RANGE_MPEG);
        try {
            byte[] out = convert(f, false, FrameConverter.YuvRoute.COPY);
            int cw = 81;
            int ch = 46;
            for (int y = 0; y < 91; y++) {
                for (int x = 0; x < 161; x++) {
                    assertEquals(f.data(0).get((long) y * f.linesize(0) + x), out[y * 161 + x]);
                }
            }
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    assertEquals(f.data(1).get((long) y * f.linesize(1) + x), out[161 * 91 + y * cw + x]);
                    assertEquals(f.data(2).get((long) y * f.linesize(2) + x), out[161 * 91 + cw * ch + y * cw + x]);
                }
            }
        } finally {
            av_frame_free(f);
        }
    }

    /**
     * The render's bg goes straight into its canvas, its fg into planes on the heap
     * ({@link FrameConverter#convertInto}); on every route that must be the bytes the converter's own
     * output gets, whatever the target held before.
     */
    @Test
    void convertingIntoACanvasGivesTheSameBytesOnEveryRoute() {
        int[][] kinds = {{AVCOL_SPC_BT709, AVCOL_RANGE_MPEG}, {AVCOL_SPC_UNSPECIFIED, AVCOL_RANGE_MPEG},
            {AVCOL_SPC_BT709, AVCOL_RANGE_JPEG}};
        FrameConverter.YuvRoute[] routes = {FrameConverter.YuvRoute.COPY, FrameConverter.YuvRoute.MATRIX,
            FrameConverter.YuvRoute.MATRIX};
        for (int k = 0; k < kinds.length; k++) {
            for (boolean viaRgb : new boolean[] {false, true}) {
                AVFrame f = frame(161, 91, kinds[k][0], kinds[k][1]);
                try {
                    FrameConverter.YuvRoute route = viaRgb ? FrameConverter.YuvRoute.VIA_RGB : routes[k];
                    byte[] own = convert(f, viaRgb, route);
                    ByteBuffer canvas = ByteBuffer.allocateDirect(own.length + 7);
                    for (int i = 0; i < canvas.capacity(); i++) {
                        canvas.put(i, (byte) (i * 31));
                    }
                    try (FrameConverter c = new FrameConverter(FrameFormat.of(PixelLayout.YUV420P, 161, 91),
                            Orientation.NONE)) {
                        c.viaRgbOnly = viaRgb;
                        c.convertInto(f, FILE, canvas);
                        assertEquals(route, c.route());
                    }
                    byte[] into = new byte[own.length];
                    canvas.get(0, into);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(own, into, route + " into a canvas");
                    assertEquals((byte) (own.length * 31), canvas.get(own.length), "nothing past the frame");
                    byte[] heap = new byte[own.length + 7];
                    java.util.Arrays.fill(heap, (byte) 99);
                    try (FrameConverter c = new FrameConverter(FrameFormat.of(PixelLayout.YUV420P, 161, 91),
                            Orientation.NONE)) {
                        c.viaRgbOnly = viaRgb;
                        c.convertInto(f, FILE, heap);
                        assertEquals(route, c.route());
                    }
                    org.junit.jupiter.api.Assertions.assertArrayEquals(own, java.util.Arrays.copyOf(heap, own.length),
                            route + " into planes on the heap");
                    assertEquals(99, heap[own.length], "nothing past the frame");
                } finally {
                    av_frame_free(f);
                }
            }
        }
    }

    @Test
    void otherMatricesAndRangesMatchTheRgbRoundTrip() {
        // Untagged SD is BT.601 (as the reader has always read it); the second is full range.
        int[][] kinds = {{AVCOL_SPC_UNSPECIFIED, AVCOL_RANGE_MPEG}, {AVCOL_SPC_BT709, AVCOL_RANGE_JPEG}};
        for (int[] k : kinds) {
            AVFrame f = frame(320, 180, k[0], k[1]);
            try {
                byte[] direct = convert(f, false, FrameConverter.YuvRoute.MATRIX);
                byte[] viaRgb = convert(f, true, FrameConverter.YuvRoute.VIA_RGB);
                int n = 320 * 180;
                double[] psnr = new double[3];
                int[][] planes = {{0, n}, {n, n + n / 4}, {n + n / 4, n + n / 2}};
                for (int p = 0; p < 3; p++) {
                    double se = 0;
                    for (int i = planes[p][0]; i < planes[p][1]; i++) {
                        double d = (direct[i] & 0xff) - (viaRgb[i] & 0xff);
                        se += d * d;
                    }
                    double mse = se / (planes[p][1] - planes[p][0]);
                    psnr[p] = mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
                }
                System.out.printf("space %d range %d: YuvMatrix vs RGB round trip Y %.2f dB, U %.2f dB, V %.2f dB%n",
                        k[0], k[1], psnr[0], psnr[1], psnr[2]);
                for (double v : psnr) {
                    assertTrue(v >= 40, "YuvMatrix vs the RGB round trip: " + v + " dB");
                }
            } finally {
                av_frame_free(f);
            }
        }
    }

    @Test
    void tenBitBt709IsOnlyReducedToEightBits() {
        int w = 162;
        int h = 90;
        AVFrame f = av_frame_alloc();
        f.format(AV_PIX_FMT_YUV420P10LE);
        f.width(w);
        f.height(h);
        f.colorspace(AVCOL_SPC_BT709);
        f.color_range(AVCOL_RANGE_MPEG);
        try {
            assertEquals(0, av_frame_get_buffer(f, 0));
            for (int p = 0; p < 3; p++) {
                int pw = p == 0 ? w : w / 2;
                int ph = p == 0 ? h : h / 2;
                for (int y = 0; y < ph; y++) {
                    for (int x = 0; x < pw; x++) {
                        int v = p == 0 ? 64 + (x * 5 + y * 3) % 876 : 512 + (x * 7 - y * 5) % 300;
                        long at = (long) y * f.linesize(p) + 2L * x;
                        f.data(p).put(at, (byte) (v & 0xff));
                        f.data(p).put(at + 1, (byte) (v >> 8));
                    }
                }
            }
            byte[] out = convert(f, false, FrameConverter.YuvRoute.DEPTH);
            double worst = 0;
            for (int p = 0; p < 3; p++) {
                int pw = p == 0 ? w : w / 2;
                int ph = p == 0 ? h : h / 2;
                int off = p == 0 ? 0 : w * h + (p - 1) * pw * ph;
                for (int y = 0; y < ph; y++) {
                    for (int x = 0; x < pw; x++) {
                        int v = p == 0 ? 64 + (x * 5 + y * 3) % 876 : 512 + (x * 7 - y * 5) % 300;
                        worst = Math.max(worst, Math.abs((out[off + y * pw + x] & 0xff) - v / 4.0));
                    }
                }
            }
            assertTrue(worst <= 1.0, "10-bit to 8-bit: off by up to " + worst);
        } finally {
            av_frame_free(f);
        }
    }
}
