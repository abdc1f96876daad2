package org.vidkompy.io;

import org.vidkompy.image.PixelRect;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_CL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_BT2020;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.ByteBuffer;
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
        long size = (long) format.width() * format.height() * ch;
        this.dst = new BytePointer(size);
        this.dstView = dst.asBuffer();
        boolean swap = orientation.swapsAxes();
        scaledW = swap ? format.height() : format.width();
        scaledH = swap ? format.width() : format.height();
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

    void convert(AVFrame f, Path file) {
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
        sws_setColorspaceDetails(sws, coeffs, range == AVCOL_RANGE_JPEG ? 1 : 0, coeffs, 1, 0, 1 << 16, 1 << 16);
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
