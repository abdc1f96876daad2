package org.vidkompy.io;

import org.vidkompy.image.PixelRect;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_CL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_HWACCEL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PLANAR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_image_copy_plane;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_BT2020;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVComponentDescriptor;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded frames to one {@link FrameFormat} with swscale, straight from the decoder's
 * own pixel format (no intermediate full-size RGB for thumbnails). The swscale context is rebuilt
 * only if the input format or size changes mid-stream.
 */
final class FrameConverter implements AutoCloseable {

    private final FrameFormat format;
    private final Orientation orientation;
    private final BytePointer dst;
    /**
     * swscale's output when it cannot write {@link #dst} directly: in stored orientation, rows
     * {@link #scaledStride} bytes apart; turned or copied into {@link #dst}. Null when not needed.
     */
    private final BytePointer stored;
    private final ByteBuffer storedView;
    /** Row pitch of swscale's output in bytes. */
    private final int scaledStride;
    private final ByteBuffer dstView;
    /** Size of swscale's output: the format's size, swapped when the picture is shown on its side. */
    private final int scaledW;
    private final int scaledH;
    /** For {@link PixelLayout#YUV420P}: the three planes inside {@link #dst}, and their strides. */
    private final BytePointer[] yuv;
    private final int[] yuvStride;
    /** YUV 4:2:0 output from any other source: RGB24 first (today's conversion), then to 4:2:0. */
    private FrameConverter viaRgb;
    /** 10-bit output from a source that takes the 8-bit route (see {@link YuvRoute#VIA_8BIT}). */
    private FrameConverter eightBit;
    private ShortBuffer wideSamples;
    private SwsContext rgbToYuv;
    private final PointerPointer<BytePointer> rgbData = new PointerPointer<>(4);
    private final IntPointer rgbStride = new IntPointer(4);
    /** Another matrix or range to BT.709 limited, for the {@link YuvRoute#MATRIX} route (built on first use). */
    private YuvMatrix matrix;
    private int matrixSpace;
    private boolean matrixFull;
    /** Tests: take the RGB route for everything, as the RGB render did. */
    boolean viaRgbOnly;
    /** How the last frame reached {@link PixelLayout#YUV420P}, for tests and messages. */
    private YuvRoute route;
    private final PointerPointer<BytePointer> dstData = new PointerPointer<>(4);
    private final IntPointer dstStride = new IntPointer(4);
    private final PointerPointer<BytePointer> srcData = new PointerPointer<>(4);
    private final IntPointer srcStride = new IntPointer(4);
    private SwsContext sws;
    private int srcFormat = -1;
    private int srcW;
    private int srcH;
    private int srcSpace = Integer.MIN_VALUE;
    private int srcRange = Integer.MIN_VALUE;

    /** Output in shown orientation: {@code format}'s size and crop are as the picture is shown. */
    FrameConverter(FrameFormat format, Orientation orientation) {
        this.format = format;
        this.orientation = orientation;
        int ch = format.layout().channels();
        long size = format.layout().bytes(format.width(), format.height());
        this.dst = new BytePointer(size);
        this.dstView = dst.asBuffer();
        boolean swap = orientation.swapsAxes();
        scaledW = swap ? format.height() : format.width();
        scaledH = swap ? format.width() : format.height();
        if (format.layout().planar()) {
            // Tight planes in shown orientation; what cannot be copied or converted directly goes
            // through RGB (see convertYuv), which does the turning.
            int w = format.width();
            int h = format.height();
            int cw = PixelLayout.chromaWidth(w);
            int chh = PixelLayout.chromaHeight(h);
            int sb = format.layout().sampleBytes();
            this.yuv = new BytePointer[] {dst.getPointer(0), dst.getPointer((long) w * h * sb),
                dst.getPointer(((long) w * h + (long) cw * chh) * sb)};
            this.yuvStride = new int[] {w * sb, cw * sb, cw * sb};
            this.stored = null;
            this.storedView = null;
            this.scaledStride = w;
            for (int p = 0; p < 3; p++) {
                dstData.put(p, yuv[p]);
                dstStride.put(p, yuvStride[p]);
            }
            return;
        }
        this.yuv = null;
        this.yuvStride = null;
        // swscale's x86 YUV-to-RGB code works in blocks of 8 pixels: where a packed row is not a
        // whole number of blocks it leaves the last pixels of each row unwritten (and its stores
        // may run past the buffer). Give it rows padded to 16 pixels, with slack at the end.
        int packedRow = scaledW * ch;
        scaledStride = scaledW % 16 == 0 ? packedRow : (scaledW + 15) / 16 * 16 * ch;
        boolean staged = !orientation.isNone() || scaledStride != packedRow;
        this.stored = staged ? new BytePointer((long) scaledStride * scaledH + 64) : null;
        this.storedView = stored == null ? null : stored.asBuffer();
        dstData.put(0, stored != null ? stored : dst);
        dstStride.put(0, scaledStride);
    }

    ByteBuffer pixels() {
        return dst.asBuffer();
    }

    /** How a frame becomes {@link PixelLayout#YUV420P}. */
    enum YuvRoute {
        /** 8-bit 4:2:0 already in the output's matrix and range: the planes are copied. */
        COPY,
        /** 8-bit 4:2:0 in another matrix (BT.601, BT.2020) or full range: copied, then {@link YuvMatrix}. */
        MATRIX,
        /** 4:2:0 in the output's matrix and range, another bit depth: swscale only changes the depth. */
        DEPTH,
        /** Anything else (4:2:2, 4:4:4, RGB, 10-bit in another matrix, a turn, a crop): through RGB24. */
        VIA_RGB,
        /**
         * Into 10 bits from what cannot stay 10-bit on the way (an 8-bit source; another matrix or
         * full range, a turn, a crop): the 8-bit route, then every sample times four (limited range
         * 16..235 is 64..940).
         */
        VIA_8BIT
    }

    YuvRoute route() {
        return route;
    }

    void convert(AVFrame f, Path file) {
        if (yuv != null) {
            convertYuv(f, file);
            return;
        }
        int shownW = orientation.shownWidth(f.width(), f.height());
        int shownH = orientation.shownHeight(f.width(), f.height());
        PixelRect shown = format.crop() != null ? format.crop() : new PixelRect(0, 0, shownW, shownH);
        if (shown.x() + shown.width() > shownW || shown.y() + shown.height() > shownH) {
            throw new MediaException(file, "crop " + shown + " lies outside the " + shownW + "x" + shownH
                    + " picture");
        }
        PixelRect c = orientation.isNone() ? shown : orientation.toStored(shown, f.width(), f.height());
        prepare(f, c);
        AVPixFmtDescriptor desc = av_pix_fmt_desc_get(f.format());
        boolean rgb = (desc.flags() & AV_PIX_FMT_FLAG_RGB) != 0;
        for (int p = 0; p < 4; p++) {
            BytePointer plane = f.data(p);
            if (plane == null || plane.isNull()) {
                srcData.put(p, (BytePointer) null);
                srcStride.put(p, 0);
                continue;
            }
            long step = bytesPerPixelStep(desc, p);
            boolean chroma = !rgb && (p == 1 || p == 2);
            int sx = chroma ? c.x() >> desc.log2_chroma_w() : c.x();
            int sy = chroma ? c.y() >> desc.log2_chroma_h() : c.y();
            long offset = (long) sy * f.linesize(p) + sx * step;
            srcData.put(p, offset == 0 ? plane : plane.getPointer(offset));
            srcStride.put(p, f.linesize(p));
        }
        sws_scale(sws, srcData, srcStride, 0, c.height(), dstData, dstStride);
        if (stored != null) {
            int ch = format.layout().channels();
            if (orientation.isNone()) {
                int row = scaledW * ch;
                for (int y = 0; y < scaledH; y++) {
                    dstView.put(y * row, storedView, y * scaledStride, row);
                }
            } else {
                orientation.apply(storedView, scaledW, scaledH, scaledStride / ch, ch, dstView);
            }
        }
    }

    /**
     * Into tight YUV 4:2:0 planes in the encoder's colours (BT.709, limited range, see
     * {@link H264Encoder}): a source already in them is copied (or only reduced to 8 bits), so
     * its pixels reach the encoder unchanged; 8-bit 4:2:0 in another matrix or range is copied and
     * re-expressed in place ({@link YuvMatrix}); anything else goes through RGB24 exactly as the
     * packed output does, then through the encoder's own RGB to 4:2:0 conversion, which is what
     * the RGB render did to it.
     */
    private void convertYuv(AVFrame f, Path file) {
        if (format.layout().sampleBytes() == 2) {
            convertYuv10(f, file);
            return;
        }
        YuvRoute r = yuvRoute(f);
        route = r;
        int w = format.width();
        int h = format.height();
        if (r == YuvRoute.COPY || r == YuvRoute.MATRIX) {
            copyPlanes(f);
            if (r == YuvRoute.MATRIX) {
                matrixFor(f).apply(dstView, w, h);
            }
            return;
        }
        if (r == YuvRoute.DEPTH) {
            scaleWhole(f);
            return;
        }
        if (viaRgb == null) {
            viaRgb = new FrameConverter(new FrameFormat(PixelLayout.RGB24, w, h, format.crop()), orientation);
            rgbToYuv = sws_getContext(w, h, AV_PIX_FMT_RGB24, w, h, AV_PIX_FMT_YUV420P, SWS_BICUBIC,
                    (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
            if (rgbToYuv == null || rgbToYuv.isNull()) {
                throw new IllegalStateException("swscale cannot convert RGB24 to YUV 4:2:0 at " + w + "x" + h);
            }
            IntPointer coeffs = sws_getCoefficients(SWS_CS_ITU709);
            sws_setColorspaceDetails(rgbToYuv, coeffs, 1, coeffs, 0, 0, 1 << 16, 1 << 16);
            rgbData.put(0, viaRgb.dst);
            rgbStride.put(0, w * 3);
        }
        viaRgb.convert(f, file);
        sws_scale(rgbToYuv, rgbData, rgbStride, 0, h, dstData, dstStride);
    }

    /**
     * Into 10-bit planes: a 10-bit 4:2:0 source in the encoder's colours is copied; a deeper or
     * differently subsampled one in them is only resampled by swscale (no RGB on the way); anything
     * else takes the 8-bit route and is widened.
     */
    private void convertYuv10(AVFrame f, Path file) {
        YuvRoute r = wideRoute(f);
        route = r;
        int w = format.width();
        int h = format.height();
        if (r == YuvRoute.COPY) {
            copyPlanes(f);
            return;
        }
        if (r == YuvRoute.DEPTH) {
            scaleWhole(f);
            return;
        }
        if (eightBit == null) {
            eightBit = new FrameConverter(new FrameFormat(PixelLayout.YUV420P, w, h, format.crop()), orientation);
            eightBit.viaRgbOnly = viaRgbOnly;
            wideSamples = dstView.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        }
        eightBit.convert(f, file);
        ByteBuffer narrow = eightBit.dstView;
        ShortBuffer wide = wideSamples;
        int n = PixelLayout.YUV420P.bytes(w, h);
        for (int i = 0; i < n; i++) {
            wide.put(i, (short) ((narrow.get(i) & 0xff) << 2));
        }
    }

    /** The decoded planes as they are, into the output's (same format and size). */
    private void copyPlanes(AVFrame f) {
        copyPlanes(f, yuv);
    }

    private void copyPlanes(AVFrame f, BytePointer[] planes) {
        int sb = format.layout().sampleBytes();
        for (int p = 0; p < 3; p++) {
            av_image_copy_plane(planes[p], yuvStride[p], f.data(p), f.linesize(p), planeWidth(p) * sb, planeHeight(p));
        }
    }

    /**
     * Like {@link #convert}, but into {@code target} (this output's layout, from position 0): a
     * frame whose planes are only copied, or copied and re-expressed in place, goes there straight
     * from the decoder, with no stop in this converter's own buffer; any other route converts as
     * usual and copies the result.
     */
    void convertInto(AVFrame f, Path file, ByteBuffer target) {
        int bytes = format.layout().bytes(format.width(), format.height());
        if (target.capacity() < bytes) {
            throw new IllegalArgumentException("target holds " + target.capacity() + " bytes, the frame needs " + bytes);
        }
        YuvRoute r = target.isDirect() ? straightRoute(f) : null;
        if (r == null) {
            convert(f, file);
            target.put(0, dstView, 0, bytes);
            return;
        }
        route = r;
        BytePointer base = new BytePointer(target).position(0);
        long[] at = planeOffsets();
        copyPlanes(f, new BytePointer[] {base, base.getPointer(at[1]), base.getPointer(at[2])});
        if (r == YuvRoute.MATRIX) {
            matrixFor(f).apply(target, format.width(), format.height());
        }
    }

    /** The same into planes on the heap (a render's fg frame): one copy out of the decoder's frame. */
    void convertInto(AVFrame f, Path file, byte[] target) {
        int bytes = format.layout().bytes(format.width(), format.height());
        if (target.length < bytes) {
            throw new IllegalArgumentException("target holds " + target.length + " bytes, the frame needs " + bytes);
        }
        YuvRoute r = straightRoute(f);
        if (r == null) {
            convert(f, file);
            dstView.get(0, target, 0, bytes);
            return;
        }
        route = r;
        long[] at = planeOffsets();
        int sb = format.layout().sampleBytes();
        for (int p = 0; p < 3; p++) {
            int pw = planeWidth(p) * sb;
            int ph = planeHeight(p);
            int ls = f.linesize(p);
            ByteBuffer src = f.data(p).capacity((long) ls * (ph - 1) + pw).asBuffer();
            if (ls == pw) {
                src.get(0, target, (int) at[p], pw * ph);
            } else {
                for (int y = 0; y < ph; y++) {
                    src.get(y * ls, target, (int) at[p] + y * pw, pw);
                }
            }
        }
        if (r == YuvRoute.MATRIX) {
            matrixFor(f).apply(target, format.width(), format.height());
        }
    }

    /** The route when it needs no more than the decoded planes (copied, maybe re-expressed), else null. */
    private YuvRoute straightRoute(AVFrame f) {
        if (yuv == null) {
            return null;
        }
        boolean wide = format.layout().sampleBytes() == 2;
        YuvRoute r = wide ? wideRoute(f) : yuvRoute(f);
        return r == YuvRoute.COPY || (r == YuvRoute.MATRIX && !wide) ? r : null;
    }

    private int planeWidth(int p) {
        return p == 0 ? format.width() : PixelLayout.chromaWidth(format.width());
    }

    private int planeHeight(int p) {
        return p == 0 ? format.height() : PixelLayout.chromaHeight(format.height());
    }

    /** Byte offsets of the three tight planes. */
    private long[] planeOffsets() {
        long sb = format.layout().sampleBytes();
        long u = (long) planeWidth(0) * planeHeight(0) * sb;
        return new long[] {0, u, u + (long) planeWidth(1) * planeHeight(1) * sb};
    }

    private YuvMatrix matrixFor(AVFrame f) {
        int space = swsColorspace(f.colorspace(), f.height());
        boolean full = f.color_range() == AVCOL_RANGE_JPEG || f.format() == AV_PIX_FMT_YUVJ420P;
        if (matrix == null || space != matrixSpace || full != matrixFull) {
            matrix = new YuvMatrix(space, full);
            matrixSpace = space;
            matrixFull = full;
        }
        return matrix;
    }

    /** The whole picture through swscale into the output's planes (another depth or subsampling). */
    private void scaleWhole(AVFrame f) {
        prepare(f, new PixelRect(0, 0, format.width(), format.height()));
        for (int p = 0; p < 4; p++) {
            srcData.put(p, f.data(p));
            srcStride.put(p, f.linesize(p));
        }
        sws_scale(sws, srcData, srcStride, 0, format.height(), dstData, dstStride);
    }

    private YuvRoute wideRoute(AVFrame f) {
        if (viaRgbOnly || !orientation.isNone() || format.crop() != null || f.width() != format.width()
                || f.height() != format.height()) {
            return YuvRoute.VIA_8BIT;
        }
        AVPixFmtDescriptor desc = av_pix_fmt_desc_get(f.format());
        if (desc == null || desc.isNull() || desc.comp(0).depth() <= 8 || f.color_range() == AVCOL_RANGE_JPEG
                || swsColorspace(f.colorspace(), f.height()) != SWS_CS_ITU709) {
            return YuvRoute.VIA_8BIT;
        }
        if (f.format() == AV_PIX_FMT_YUV420P10LE) {
            return YuvRoute.COPY;
        }
        boolean planarYuv = desc.nb_components() >= 3
                && (desc.flags() & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PLANAR | AV_PIX_FMT_FLAG_HWACCEL))
                == AV_PIX_FMT_FLAG_PLANAR;
        return planarYuv ? YuvRoute.DEPTH : YuvRoute.VIA_8BIT;
    }

    private YuvRoute yuvRoute(AVFrame f) {
        if (viaRgbOnly || !orientation.isNone() || format.crop() != null || f.width() != format.width()
                || f.height() != format.height()) {
            return YuvRoute.VIA_RGB;
        }
        if (f.format() == AV_PIX_FMT_YUV420P || f.format() == AV_PIX_FMT_YUVJ420P) {
            boolean full = f.color_range() == AVCOL_RANGE_JPEG || f.format() == AV_PIX_FMT_YUVJ420P;
            return !full && swsColorspace(f.colorspace(), f.height()) == SWS_CS_ITU709 ? YuvRoute.COPY
                    : YuvRoute.MATRIX;
        }
        if (f.color_range() == AVCOL_RANGE_JPEG || swsColorspace(f.colorspace(), f.height()) != SWS_CS_ITU709) {
            return YuvRoute.VIA_RGB;
        }
        if (f.format() == AV_PIX_FMT_YUV420P) {
            return YuvRoute.COPY;
        }
        AVPixFmtDescriptor desc = av_pix_fmt_desc_get(f.format());
        boolean plain420 = desc != null && !desc.isNull() && desc.nb_components() == 3
                && desc.log2_chroma_w() == 1 && desc.log2_chroma_h() == 1
                && (desc.flags() & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PLANAR | AV_PIX_FMT_FLAG_HWACCEL))
                == AV_PIX_FMT_FLAG_PLANAR;
        return plain420 ? YuvRoute.DEPTH : YuvRoute.VIA_RGB;
    }

    /** Distance in bytes between horizontally adjacent samples of plane {@code p}. */
    private static long bytesPerPixelStep(AVPixFmtDescriptor desc, int p) {
        for (int i = 0; i < desc.nb_components(); i++) {
            AVComponentDescriptor comp = desc.comp(i);
            if (comp.plane() == p) {
                return comp.step();
            }
        }
        return 1;
    }

    private void prepare(AVFrame f, PixelRect c) {
        int space = f.colorspace();
        int range = f.color_range();
        if (sws != null && f.format() == srcFormat && c.width() == srcW && c.height() == srcH
                && space == srcSpace && range == srcRange) {
            return;
        }
        boolean downscale = scaledW < c.width() || scaledH < c.height();
        // Area averaging gives alias-free thumbnails; bicubic is the quality choice at full size.
        int flags = downscale ? SWS_AREA : SWS_BICUBIC;
        sws = sws_getCachedContext(sws, c.width(), c.height(), f.format(), scaledW, scaledH,
                format.layout().avFormat(), flags, (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("swscale cannot convert pixel format " + f.format() + " to "
                    + format.layout());
        }
        int cs = swsColorspace(space, f.height());
        IntPointer coeffs = sws_getCoefficients(cs);
        // Packed outputs are full-range RGB; planar YUV keeps the (limited) range it comes in.
        int dstRange = format.layout().planar() ? 0 : 1;
        sws_setColorspaceDetails(sws, coeffs, range == AVCOL_RANGE_JPEG ? 1 : 0, coeffs, dstRange, 0, 1 << 16,
                1 << 16);
        srcFormat = f.format();
        srcW = c.width();
        srcH = c.height();
        srcSpace = space;
        srcRange = range;
    }

    /** Untagged streams follow the usual convention: HD and larger are BT.709, SD is BT.601. */
    static int swsColorspace(int avSpace, int height) {
        if (avSpace == AVCOL_SPC_BT709) {
            return SWS_CS_ITU709;
        }
        if (avSpace == AVCOL_SPC_SMPTE170M || avSpace == AVCOL_SPC_BT470BG) {
            return SWS_CS_ITU601;
        }
        if (avSpace == AVCOL_SPC_BT2020_NCL || avSpace == AVCOL_SPC_BT2020_CL) {
            return SWS_CS_BT2020;
        }
        return height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }

    @Override
    public void close() {
        if (eightBit != null) {
            eightBit.close();
            eightBit = null;
        }
        if (viaRgb != null) {
            viaRgb.close();
            viaRgb = null;
        }
        if (rgbToYuv != null) {
            sws_freeContext(rgbToYuv);
            rgbToYuv = null;
        }
        rgbData.close();
        rgbStride.close();
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        dst.close();
        if (stored != null) {
            stored.close();
        }
        dstData.close();
        dstStride.close();
        srcData.close();
        srcStride.close();
    }
}
