package org.vidkompy.compose;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.vidkompy.io.PixelLayout;

/** YUV 4:2:0 helpers for the compose tests: tight planes as {@link PixelLayout#YUV420P} stores them. */
final class Yuv {

    private Yuv() {
    }

    /** Every frame a render hands over, copied, in the layout the sink asks for. */
    static final class Store implements FrameSink {
        final PixelLayout layout;
        final List<byte[]> frames = new ArrayList<>();

        Store(PixelLayout layout) {
            this.layout = layout;
        }

        @Override
        public PixelLayout layout() {
            return layout;
        }

        @Override
        public void write(ByteBuffer pixels, long pts) {
            byte[] f = new byte[pixels.capacity()];
            pixels.duplicate().clear().get(f);
            frames.add(f);
        }

        @Override
        public void finish(long lastFrameDuration) {
        }

        @Override
        public void close() {
        }
    }

    /**
     * Packed RGB24 to YUV 4:2:0 exactly as the encoder did it for the RGB render: padded to an even
     * size by repeating the last column and row, then swscale bicubic, BT.709 limited range.
     */
    static byte[] fromRgb(byte[] rgb, int w, int h) {
        int ew = w + (w & 1);
        int eh = h + (h & 1);
        byte[] padded = new byte[ew * eh * 3];
        for (int y = 0; y < eh; y++) {
            int sy = Math.min(y, h - 1);
            for (int x = 0; x < ew; x++) {
                int sx = Math.min(x, w - 1);
                System.arraycopy(rgb, (sy * w + sx) * 3, padded, (y * ew + x) * 3, 3);
            }
        }
        int cw = ew / 2;
        int ch = eh / 2;
        SwsContext sws = sws_getContext(ew, eh, AV_PIX_FMT_RGB24, ew, eh, AV_PIX_FMT_YUV420P, SWS_BICUBIC,
                (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
        IntPointer coeffs = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(sws, coeffs, 1, coeffs, 0, 0, 1 << 16, 1 << 16);
        try (BytePointer src = new BytePointer(padded.length + 64L);
             BytePointer dst = new BytePointer((long) ew * eh + 2L * cw * ch + 64);
             PointerPointer<BytePointer> srcData = new PointerPointer<>(4);
             PointerPointer<BytePointer> dstData = new PointerPointer<>(4);
             IntPointer srcStride = new IntPointer(4);
             IntPointer dstStride = new IntPointer(4)) {
            src.put(padded, 0, padded.length);
            srcData.put(0, src);
            srcStride.put(0, ew * 3);
            dstData.put(0, dst.getPointer(0));
            dstData.put(1, dst.getPointer((long) ew * eh));
            dstData.put(2, dst.getPointer((long) ew * eh + (long) cw * ch));
            dstStride.put(0, ew);
            dstStride.put(1, cw);
            dstStride.put(2, cw);
            sws_scale(sws, srcData, srcStride, 0, eh, dstData, dstStride);
            byte[] out = new byte[PixelLayout.YUV420P.bytes(w, h)];
            for (int y = 0; y < h; y++) {
                dst.position((long) y * ew).get(out, y * w, w);
            }
            dst.position(0);
            dst.position((long) ew * eh).get(out, w * h, 2 * cw * ch);
            return out;
        } finally {
            sws_freeContext(sws);
        }
    }

    /** Sum of squared differences and count over plane {@code p} ([x0, x1) × [y0, y1) in its own samples). */
    static double[] sse(byte[] a, byte[] b, int w, int h, int p, int x0, int y0, int x1, int y1) {
        int pw = p == 0 ? w : PixelLayout.chromaWidth(w);
        int ph = p == 0 ? h : PixelLayout.chromaHeight(h);
        int off = p == 0 ? 0 : w * h + (p - 1) * pw * ph;
        double se = 0;
        long n = 0;
        for (int y = Math.max(0, y0); y < Math.min(ph, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(pw, x1); x++) {
                double d = (a[off + y * pw + x] & 0xff) - (b[off + y * pw + x] & 0xff);
                se += d * d;
                n++;
            }
        }
        return new double[] {se, n};
    }

    static double psnr(double se, double n) {
        double mse = se / Math.max(1, n);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** PSNR over all three planes of two whole frames. */
    static double psnr(byte[] a, byte[] b, int w, int h) {
        double se = 0;
        double n = 0;
        for (int p = 0; p < 3; p++) {
            double[] s = sse(a, b, w, h, p, 0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
            se += s[0];
            n += s[1];
        }
        return psnr(se, n);
    }

    /** PSNR of one plane of two whole frames. */
    static double planePsnr(byte[] a, byte[] b, int w, int h, int p) {
        double[] s = sse(a, b, w, h, p, 0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
        return psnr(s[0], s[1]);
    }
}
