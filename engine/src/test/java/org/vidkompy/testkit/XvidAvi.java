package org.vidkompy.testkit;

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
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.VideoProbe;

/**
 * Re-encodes a clip as MPEG-4 Part 2 with B-frames in AVI, the DivX/Xvid files of the camcorder and
 * file-sharing years: AVI stores decode times only, and each anchor frame is sent before the B-frames
 * shown ahead of it, so a key frame's place in the file is not its place on screen.
 */
public final class XvidAvi {

    private XvidAvi() {
    }

    public static Path write(Path source, Path target, int keyInterval) {
        MediaClip clip = new VideoProbe().probe(source);
        int w = clip.width() & ~1;
        int h = clip.height() & ~1;
        AVCodec enc = avcodec_find_encoder_by_name("mpeg4");
        AVCodecContext ctx = avcodec_alloc_context3(enc);
        AVFormatContext out = new AVFormatContext(null);
        AVPacket pkt = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try (FrameReader r = FrameReader.open(source, ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, w, h)))) {
            AVRational tb = new AVRational();
            tb.num(1);
            tb.den((int) Math.round(clip.averageFps()));
            ctx.width(w);
            ctx.height(h);
            ctx.pix_fmt(AV_PIX_FMT_YUV420P);
            ctx.time_base(tb);
            ctx.max_b_frames(2);
            ctx.gop_size(keyInterval);
            ctx.global_quality(3 * 118);
            ctx.flags(ctx.flags() | (1 << 1)); // AV_CODEC_FLAG_QSCALE: constant quantiser
            check(avformat_alloc_output_context2(out, null, "avi", target.toString()), "muxer");
            if ((out.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            check(avcodec_open2(ctx, enc, (AVDictionary) null), "encoder");
            AVStream os = avformat_new_stream(out, (AVCodec) null);
            check(avcodec_parameters_from_context(os.codecpar(), ctx), "parameters");
            os.time_base(tb);
            AVIOContext pb = new AVIOContext(null);
            check(avio_open(pb, target.toString(), AVIO_FLAG_WRITE), "create");
            out.pb(pb);
            check(avformat_write_header(out, (AVDictionary) null), "header");
            frame.width(w);
            frame.height(h);
            frame.format(AV_PIX_FMT_YUV420P);
            check(av_frame_get_buffer(frame, 0), "frame");
            for (long n = 0; r.next(); n++) {
                check(av_frame_make_writable(frame), "frame");
                // The picture in grey (chroma neutral): the tests compare luma.
                ByteBuffer y = r.output(0).pixels();
                ByteBuffer luma = plane(frame, 0, h);
                for (int row = 0; row < h; row++) {
                    luma.put(row * frame.linesize(0), y, row * w, w);
                }
                for (int p = 1; p <= 2; p++) {
                    ByteBuffer c = plane(frame, p, h / 2);
                    for (int i = 0; i < c.capacity(); i++) {
                        c.put(i, (byte) 128);
                    }
                }
                frame.pts(n);
                check(avcodec_send_frame(ctx, frame), "encode");
                drain(ctx, pkt, out, os);
            }
            check(avcodec_send_frame(ctx, null), "flush");
            drain(ctx, pkt, out, os);
            check(av_write_trailer(out), "trailer");
            return target;
        } finally {
            av_frame_free(frame);
            av_packet_free(pkt);
            avcodec_free_context(ctx);
            Remux.closeOutput(out);
        }
    }

    private static ByteBuffer plane(AVFrame frame, int p, int rows) {
        return frame.data(p).capacity((long) frame.linesize(p) * rows).asByteBuffer();
    }

    private static void drain(AVCodecContext ctx, AVPacket pkt, AVFormatContext out, AVStream os) {
        while (avcodec_receive_packet(ctx, pkt) >= 0) {
            av_packet_rescale_ts(pkt, ctx.time_base(), os.time_base());
            pkt.stream_index(0);
            check(av_interleaved_write_frame(out, pkt), "write");
            av_packet_unref(pkt);
        }
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException("xvid avi: " + what + " failed (" + ret + ")");
        }
    }
}
