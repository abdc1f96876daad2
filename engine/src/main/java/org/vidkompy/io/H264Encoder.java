package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_move_ref;
import static org.bytedeco.ffmpeg.global.avutil.AV_BUFFER_FLAG_READONLY;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_create;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_get_ref_count;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_image_copy_plane;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.Free_Pointer_BytePointer;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * libx264 in yuv420p, tagged BT.709 limited range, fed either packed RGB(A) that swscale converts
 * once per frame, or YUV 4:2:0 planes already in those colours, which x264 reads where they are
 * (copied first only when odd-sized or on the Java heap).
 */
final class H264Encoder implements AutoCloseable {

    private final Mp4Muxer muxer;
    private final WriterOptions options;
    private AVCodecContext ctx;
    private final AVStream stream;
    /**
     * The frame x264 is given. Tight planes of an even size in native memory are lent to it as they
     * are (x264 copies a picture into its own frames before {@code avcodec_send_frame} returns, and
     * libavcodec lets go of it once the packets are drained); anything else is converted or copied
     * into a buffer of the frame's own, allocated on first use.
     */
    private final AVFrame picture;
    private boolean pictureOwnsBuffer;
    /** Frees nothing: a lent picture's memory belongs to the caller's buffer. */
    private final Free_Pointer_BytePointer keepCallersMemory = new Free_Pointer_BytePointer() {
        @Override
        public void call(Pointer opaque, BytePointer data) {
            // the caller's buffer outlives the loan; see lend()
        }
    };
    private AVPacket pkt;
    /**
     * libx264 does not pass frame durations on to its packets, and a frame's duration is known only
     * when the next one arrives; MP4 needs the last frame's duration or players drop it. Packets
     * whose frame's duration is not known yet wait here, in order (x264 delays its output by a few
     * dozen frames at most presets, so they rarely do).
     */
    private final DurationRing durations = new DurationRing();
    private final ArrayDeque<AVPacket> waiting = new ArrayDeque<>();
    private SwsContext sws;
    private final PointerPointer<BytePointer> srcData = new PointerPointer<>(4);
    private final IntPointer srcStride = new IntPointer(4);
    private long lastPts = Long.MIN_VALUE;
    /** Odd sizes are encoded one row/column larger (4:2:0 needs even sizes); see {@link EvenPadding}. */
    private final EvenPadding padding;
    /** Input already in YUV 4:2:0 (tight planes, see {@link PixelLayout#YUV420P}): copied, not converted. */
    private final boolean planar;
    private final int codedWidth;
    private final int codedHeight;
    private final int pixFmt;
    /** Encoder threads of a repeatable file (see {@link WriterOptions#repeatably()}). */
    static final int REPEATABLE_THREADS = 3;

    H264Encoder(Mp4Muxer muxer, WriterOptions options) {
        this.muxer = muxer;
        this.options = options;
        AVCodec enc = avcodec_find_encoder_by_name("libx264");
        if (enc == null || enc.isNull()) {
            throw new MediaException(muxer.target(), "this FFmpeg build has no libx264 encoder");
        }
        planar = options.input().planar();
        padding = planar ? null : new EvenPadding(options.width(), options.height(), options.input().channels());
        codedWidth = EvenPadding.even(options.width());
        codedHeight = EvenPadding.even(options.height());
        ctx = avcodec_alloc_context3(enc);
        ctx.width(codedWidth);
        ctx.height(codedHeight);
        // 10-bit planes are encoded as they are (High 10); everything else as 8-bit 4:2:0.
        int pixFmt = planar ? options.input().avFormat() : AV_PIX_FMT_YUV420P;
        ctx.pix_fmt(pixFmt);
        ctx.time_base(options.timeBase().toAv());
        if (options.frameRate() != null && options.frameRate().isValid()) {
            ctx.framerate(options.frameRate().toAv());
        }
        ctx.color_primaries(AVCOL_PRI_BT709);
        ctx.color_trc(AVCOL_TRC_BT709);
        ctx.colorspace(AVCOL_SPC_BT709);
        ctx.color_range(AVCOL_RANGE_MPEG);
        Rational sar = options.pixelAspect();
        if (Math.abs(sar.toDouble() - 1) > 1e-9) {
            ctx.sample_aspect_ratio(sar.toAv());
        }
        // x264's own thread count (1.5 per core). One per core took 25-30 MB less RSS at 1080p
        // medium but rendered 7 % slower there (2 cores, 3 rounds alternated). x264's choices depend
        // on its thread count: repeatable files take a fixed one, what x264 picks on 2 cores.
        ctx.thread_count(options.repeatable() ? REPEATABLE_THREADS : 0);
        if (muxer.needsGlobalHeader()) {
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        av_opt_set(ctx.priv_data(), "preset", options.preset(), 0);
        av_opt_set(ctx.priv_data(), "crf", Integer.toString(options.crf()), 0);
        String x264Params = x264Params(options);
        if (!x264Params.isEmpty()) {
            av_opt_set(ctx.priv_data(), "x264-params", x264Params, 0);
        }
        FFmpeg.check(avcodec_open2(ctx, enc, (AVDictionary) null), muxer.target(),
                "cannot open the H.264 encoder (preset '" + options.preset() + "')");
        stream = muxer.newStream();
        FFmpeg.check(avcodec_parameters_from_context(stream.codecpar(), ctx), muxer.target(),
                "cannot configure the video stream");
        stream.time_base(ctx.time_base());
        stream.sample_aspect_ratio(ctx.sample_aspect_ratio());

        this.pixFmt = pixFmt;
        picture = av_frame_alloc();
        pkt = av_packet_alloc();
        if (planar) {
            return;
        }
        sws = sws_getContext(codedWidth, codedHeight, options.input().avFormat(), codedWidth,
                codedHeight, AV_PIX_FMT_YUV420P, SWS_BICUBIC, (SwsFilter) null, (SwsFilter) null,
                (DoublePointer) null);
        IntPointer coeffs = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(sws, coeffs, 1, coeffs, 0, 0, 1 << 16, 1 << 16);
        srcStride.put(0, codedWidth * options.input().channels());
    }

    /** Encoded size: the input size, rounded up to even. */
    int codedWidth() {
        return codedWidth;
    }

    int codedHeight() {
        return codedHeight;
    }

    /** The stream time base, valid once the muxer header is written. */
    AVStream stream() {
        return stream;
    }

    void encode(ByteBuffer pixels, long pts) {
        if (pts <= lastPts) {
            throw new IllegalArgumentException("timestamps must increase: " + pts + " after " + lastPts);
        }
        if (lastPts != Long.MIN_VALUE) {
            durations.remember(lastPts, pts - lastPts);
            writeWaiting();
        }
        lastPts = pts;
        if (planar && lendable(pixels)) {
            lend(pixels, pts);
            return;
        }
        AVFrame f = ownPicture();
        if (planar) {
            copyPlanes(pixels, f);
        } else {
            srcData.put(0, new BytePointer(padding.pad(pixels)));
            sws_scale(sws, srcData, srcStride, 0, codedHeight, f.data(), f.linesize());
        }
        f.pts(pts);
        send(f);
    }

    /** Tight planes x264 can read where they are: even sizes (no padding to add), native memory. */
    private boolean lendable(ByteBuffer pixels) {
        return pixels.isDirect() && codedWidth == options.width() && codedHeight == options.height()
                && pixels.capacity() >= options.input().bytes(codedWidth, codedHeight);
    }

    /**
     * Sends the caller's planes without a copy: a buffer reference over them (so libavcodec neither
     * copies nor frees them) that must be the only one left once the packets are drained, since the
     * caller reuses the memory as soon as this returns.
     */
    private void lend(ByteBuffer pixels, long pts) {
        int sb = options.input().sampleBytes();
        long luma = (long) codedWidth * codedHeight * sb;
        long chroma = (long) (codedWidth / 2) * (codedHeight / 2) * sb;
        BytePointer base = new BytePointer(pixels);
        AVBufferRef loan = av_buffer_create(base, luma + 2 * chroma, keepCallersMemory, null, AV_BUFFER_FLAG_READONLY);
        if (loan == null || loan.isNull()) {
            throw new MediaException(muxer.target(), "out of memory for a frame reference");
        }
        try {
            dropPictureBuffer();
            describe(picture);
            picture.buf(0, av_buffer_ref(loan));
            picture.data(0, base);
            picture.data(1, base.getPointer(luma));
            picture.data(2, base.getPointer(luma + chroma));
            picture.linesize(0, codedWidth * sb);
            picture.linesize(1, codedWidth / 2 * sb);
            picture.linesize(2, codedWidth / 2 * sb);
            picture.pts(pts);
            send(picture);
            av_frame_unref(picture);
            if (av_buffer_get_ref_count(loan) != 1) {
                throw new IllegalStateException("the H.264 encoder kept a reference to a frame it was lent");
            }
        } finally {
            av_buffer_unref(loan);
        }
    }

    /** The picture with a buffer of its own, for converted or copied pixels. */
    private AVFrame ownPicture() {
        if (!pictureOwnsBuffer) {
            av_frame_unref(picture);
            describe(picture);
            FFmpeg.check(av_frame_get_buffer(picture, 0), muxer.target(), "cannot allocate a frame");
            pictureOwnsBuffer = true;
        }
        FFmpeg.check(av_frame_make_writable(picture), muxer.target(), "cannot reuse the encoder frame");
        return picture;
    }

    private void dropPictureBuffer() {
        if (pictureOwnsBuffer) {
            av_frame_unref(picture);
            pictureOwnsBuffer = false;
        }
    }

    private void describe(AVFrame f) {
        f.format(pixFmt);
        f.width(codedWidth);
        f.height(codedHeight);
        f.color_range(AVCOL_RANGE_MPEG);
        f.colorspace(AVCOL_SPC_BT709);
    }

    /**
     * The planes into the encoder's frame, an odd last luma column and row repeated (the chroma
     * planes of an odd size already have the sample that covers the padding).
     */
    private void copyPlanes(ByteBuffer pixels, AVFrame f) {
        int w = options.width();
        int h = options.height();
        int cw = PixelLayout.chromaWidth(w);
        int ch = PixelLayout.chromaHeight(h);
        int sb = options.input().sampleBytes();
        BytePointer src = new BytePointer(pixels);
        BytePointer y = f.data(0);
        int ls = f.linesize(0);
        av_image_copy_plane(y, ls, src, w * sb, w * sb, h);
        if ((w & 1) != 0) {
            for (int r = 0; r < h; r++) {
                long last = (long) r * ls + (long) (w - 1) * sb;
                for (int b = 0; b < sb; b++) {
                    y.put(last + sb + b, y.get(last + b));
                }
            }
        }
        if ((h & 1) != 0) {
            av_image_copy_plane(y.getPointer((long) h * ls), ls, y.getPointer((long) (h - 1) * ls), ls,
                    codedWidth * sb, 1);
        }
        long u = (long) w * h * sb;
        av_image_copy_plane(f.data(1), f.linesize(1), src.getPointer(u), cw * sb, cw * sb, ch);
        av_image_copy_plane(f.data(2), f.linesize(2), src.getPointer(u + (long) cw * ch * sb), cw * sb, cw * sb,
                ch);
    }

    /** Ends the stream, the last frame lasting {@code lastDuration} ticks, and drains the encoder. */
    void flush(long lastDuration) {
        if (lastPts != Long.MIN_VALUE) {
            durations.remember(lastPts, Math.max(1, lastDuration));
            writeWaiting();
        }
        send(null);
        if (!waiting.isEmpty()) {
            throw new IllegalStateException("H.264 packets left without a duration at the end");
        }
    }

    private void send(AVFrame f) {
        int ret = avcodec_send_frame(ctx, f);
        if (ret < 0 && ret != AVERROR_EOF) {
            throw new MediaException(muxer.target(), "H.264 encoding failed (" + FFmpeg.describe(ret) + ")");
        }
        while (true) {
            ret = avcodec_receive_packet(ctx, pkt);
            if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF) {
                return;
            }
            FFmpeg.check(ret, muxer.target(), "H.264 encoding failed");
            if (waiting.isEmpty() && durations.knows(pkt.pts())) {
                write(pkt);
            } else {
                AVPacket later = av_packet_alloc();
                av_packet_move_ref(later, pkt);
                waiting.add(later);
            }
        }
    }

    /** Writes the waiting packets whose durations are now known, in order. */
    private void writeWaiting() {
        while (!waiting.isEmpty() && durations.knows(waiting.peek().pts())) {
            AVPacket p = waiting.poll();
            try {
                write(p);
            } finally {
                av_packet_free(p);
            }
        }
    }

    private void write(AVPacket p) {
        if (p.duration() <= 0) {
            p.duration(durations.lookup(p.pts()));
        }
        av_packet_rescale_ts(p, ctx.time_base(), stream.time_base());
        p.stream_index(stream.index());
        try {
            muxer.write(p);
        } finally {
            av_packet_unref(p);
        }
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (picture != null && !picture.isNull()) {
            av_frame_free(picture);
        }
        while (!waiting.isEmpty()) {
            av_packet_free(waiting.poll());
        }
        if (pkt != null) {
            av_packet_free(pkt);
            pkt = null;
        }
        if (ctx != null) {
            avcodec_free_context(ctx);
            ctx = null;
        }
        // Last: after a failed send the codec context may still hold a lent picture until freed.
        keepCallersMemory.close();
        srcData.close();
        srcStride.close();
    }

    /** Durations of the frames in flight inside the encoder (it delays a few dozen at most). */
    private static final class DurationRing {
        private final long[] pts = new long[256];
        private final long[] duration = new long[256];
        private int next;

        void remember(long p, long d) {
            pts[next] = p;
            duration[next] = d;
            next = (next + 1) % pts.length;
        }

        boolean knows(long p) {
            return lookup(p) > 0;
        }

        long lookup(long p) {
            for (int i = 0; i < pts.length; i++) {
                int k = (next - 1 - i + pts.length) % pts.length;
                if (pts[k] == p) {
                    return duration[k];
                }
            }
            return 0;
        }
    }

    /**
     * What x264 is told beyond preset and crf: a repeatable file goes without the macroblock tree
     * ({@link WriterOptions#repeatably()}). Everything else is x264's own choice, as in {@code ffmpeg},
     * its lookahead thread included: running the lookahead in the encoding thread instead
     * ({@code sync-lookahead=0}, the rule here until 2026-12-05 at medium and slower on up to 4 cores)
     * saved 4 buffered frames but left cores idle while the frame threads waited on it: renders of the
     * 1080p benchmark pair at medium 1.05x {@code ffmpeg}'s {@code overlay} against 1.01x (2 cores,
     * 3 rounds alternated, docs/benchmarks.md).
     */
    static String x264Params(WriterOptions options) {
        return options.repeatable() ? "mbtree=0" : "";
    }
}
