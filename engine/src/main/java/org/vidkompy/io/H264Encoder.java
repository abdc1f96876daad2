package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
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
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * libx264 in yuv420p, tagged BT.709 limited range, fed either packed RGB(A) that swscale converts
 * once per frame, or YUV 4:2:0 planes already in those colours, which are only copied.
 */
final class H264Encoder implements AutoCloseable {

    private final Mp4Muxer muxer;
    private final WriterOptions options;
    private AVCodecContext ctx;
    private final AVStream stream;
    /**
     * Two frames used in turn: each frame is held back until the next one arrives, because only
     * then is its duration known, and MP4 needs the last frame's duration or players drop it.
     */
    private final AVFrame[] yuv = new AVFrame[2];
    private int current;
    private boolean holding;
    private AVPacket pkt;
    /** libx264 does not pass frame durations on to its packets; the muxer needs them. */
    private final DurationRing durations = new DurationRing();
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
    /** Encoder threads of a repeatable file (see {@link WriterOptions#repeatably()}). */
    static final int REPEATABLE_THREADS = 3;
    /**
     * Machines of up to this many cores run x264's lookahead in the encoding thread, not a thread
     * of its own, from {@link #SYNC_LOOKAHEAD_FROM} on. The same bits either way; at medium on 2 cores
     * the own thread only contended with x264's three frame threads and the decoders: the 10-minute
     * 1080p pair's render took 30 MB less RSS (583 against 609-614 MB) and less time (70.3, 67.1 s
     * against 76.9, 71.1 s for 1200 frames, alternated). At veryfast the thread pays (27.8-31.0 s
     * without it against 23.5-29.9 s with it), and on many cores a lookahead in the encoding thread
     * is what x264 waits on: both keep it.
     */
    static final int FEW_CORES = 4;
    /** The fastest preset whose lookahead runs in the encoding thread on few cores. */
    static final String SYNC_LOOKAHEAD_FROM = "medium";

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
        // x264's own thread count (1.5 per core). One per core took 25-30 MB less RSS at 1080p
        // medium but rendered 7 % slower there (2 cores, 3 rounds alternated). x264's choices depend
        // on its thread count: repeatable files take a fixed one, what x264 picks on 2 cores.
        ctx.thread_count(options.repeatable() ? REPEATABLE_THREADS : 0);
        if (muxer.needsGlobalHeader()) {
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        av_opt_set(ctx.priv_data(), "preset", options.preset(), 0);
        av_opt_set(ctx.priv_data(), "crf", Integer.toString(options.crf()), 0);
        String x264Params = x264Params(options, Runtime.getRuntime().availableProcessors());
        if (!x264Params.isEmpty()) {
            av_opt_set(ctx.priv_data(), "x264-params", x264Params, 0);
        }
        FFmpeg.check(avcodec_open2(ctx, enc, (AVDictionary) null), muxer.target(),
                "cannot open the H.264 encoder (preset '" + options.preset() + "')");
        stream = muxer.newStream();
        FFmpeg.check(avcodec_parameters_from_context(stream.codecpar(), ctx), muxer.target(),
                "cannot configure the video stream");
        stream.time_base(ctx.time_base());

        for (int i = 0; i < 2; i++) {
            AVFrame f = av_frame_alloc();
            f.format(pixFmt);
            f.width(codedWidth);
            f.height(codedHeight);
            f.color_range(AVCOL_RANGE_MPEG);
            f.colorspace(AVCOL_SPC_BT709);
            FFmpeg.check(av_frame_get_buffer(f, 0), muxer.target(), "cannot allocate a frame");
            yuv[i] = f;
        }
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
        if (holding) {
            AVFrame held = yuv[current];
            held.duration(pts - held.pts());
            durations.remember(held.pts(), held.duration());
            send(held);
            current ^= 1;
        }
        lastPts = pts;
        AVFrame f = yuv[current];
        FFmpeg.check(av_frame_make_writable(f), muxer.target(), "cannot reuse the encoder frame");
        if (planar) {
            copyPlanes(pixels, f);
        } else {
            srcData.put(0, new BytePointer(padding.pad(pixels)));
            sws_scale(sws, srcData, srcStride, 0, codedHeight, f.data(), f.linesize());
        }
        f.pts(pts);
        holding = true;
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

    /** Sends the held last frame, lasting {@code lastDuration} ticks, and drains the encoder. */
    void flush(long lastDuration) {
        if (holding) {
            AVFrame held = yuv[current];
            held.duration(Math.max(1, lastDuration));
            durations.remember(held.pts(), held.duration());
            send(held);
            holding = false;
        }
        send(null);
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
            if (pkt.duration() <= 0) {
                pkt.duration(durations.lookup(pkt.pts()));
            }
            av_packet_rescale_ts(pkt, ctx.time_base(), stream.time_base());
            pkt.stream_index(stream.index());
            try {
                muxer.write(pkt);
            } finally {
                av_packet_unref(pkt);
            }
        }
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        for (int i = 0; i < 2; i++) {
            if (yuv[i] != null) {
                av_frame_free(yuv[i]);
                yuv[i] = null;
            }
        }
        if (pkt != null) {
            av_packet_free(pkt);
            pkt = null;
        }
        if (ctx != null) {
            avcodec_free_context(ctx);
            ctx = null;
        }
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
     * ({@link WriterOptions#repeatably()}); on few cores at the slower presets the lookahead runs in
     * the encoding thread ({@link #FEW_CORES}).
     */
    static String x264Params(WriterOptions options, int cores) {
        if (options.repeatable()) {
            return "mbtree=0";
        }
        List<String> presets = WriterOptions.PRESETS;
        boolean slow = presets.indexOf(options.preset()) >= presets.indexOf(SYNC_LOOKAHEAD_FROM);
        return cores <= FEW_CORES && slow ? "sync-lookahead=0" : "";
    }
}
