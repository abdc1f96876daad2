package org.vidkompy.testkit;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_RAWVIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_pix_fmt_to_codec_tag;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.vidkompy.image.PixelRect;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;

/**
 * The top-left {@code width x height} of a video as uncompressed RGB in NUT: the way to get a
 * file of odd size (4:2:0 H.264 cannot hold one) with exactly known pixels.
 */
public final class OddCrop {

    private OddCrop() {
    }

    public static Path write(Path source, int width, int height, int fps, Path target) {
        AVFormatContext out = new AVFormatContext(null);
        AVPacket pkt = av_packet_alloc();
        FrameFormat f = new FrameFormat(PixelLayout.RGB24, width, height, new PixelRect(0, 0, width, height));
        try (FrameReader r = FrameReader.open(source, ReaderOptions.of(f))) {
            check(avformat_alloc_output_context2(out, null, "nut", target.toString()), "muxer");
            AVStream st = avformat_new_stream(out, (AVCodec) null);
            st.codecpar().codec_type(AVMEDIA_TYPE_VIDEO);
            st.codecpar().codec_id(AV_CODEC_ID_RAWVIDEO);
            st.codecpar().format(AV_PIX_FMT_RGB24);
            // Left at 0, the muxer takes the first rawvideo tag in NUT's table, 'RGB' 15 (RGB555),
            // and readers then decode these RGB24 bytes as 16-bit pixels.
            st.codecpar().codec_tag(avcodec_pix_fmt_to_codec_tag(AV_PIX_FMT_RGB24));
            st.codecpar().width(width);
            st.codecpar().height(height);
            AVRational tb = new AVRational();
            tb.num(1);
            tb.den(fps);
            st.time_base(tb);
            AVIOContext pb = new AVIOContext(null);
            check(avio_open(pb, target.toString(), AVIO_FLAG_WRITE), "create");
            out.pb(pb);
            check(avformat_write_header(out, (AVDictionary) null), "header");
            int size = width * height * 3;
            byte[] rgb = new byte[size];
            long n = 0;
            while (r.next()) {
                r.output(0).copyTo(rgb);
                check(av_new_packet(pkt, size), "packet");
                pkt.data().put(rgb, 0, size);
                pkt.pts(n);
                pkt.dts(n);
                pkt.duration(1);
                pkt.flags(AV_PKT_FLAG_KEY);
                pkt.stream_index(0);
                av_packet_rescale(pkt, tb, st.time_base());
                n++;
                check(av_interleaved_write_frame(out, pkt), "write");
                av_packet_unref(pkt);
            }
            check(av_write_trailer(out), "trailer");
            return target;
        } finally {
            av_packet_free(pkt);
            Remux.closeOutput(out);
        }
    }

    private static void av_packet_rescale(AVPacket pkt, AVRational from, AVRational to) {
        org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts(pkt, from, to);
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException("odd crop: " + what + " failed (" + ret + ")");
        }
    }
}
