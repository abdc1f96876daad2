package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;

/**
 * Copies compressed audio packets unchanged (no generation loss), shifted so that
 * {@code startSeconds} of the source lands at 0 and cut at the end of the video. Cuts fall on
 * packet boundaries: 1024 samples for AAC, about 21 ms, less than one video frame.
 */
final class CopiedAudio implements AudioTrack {

    private final Mp4Muxer muxer;
    private final Demuxer in;
    private final AVStream src;
    private final AVStream out;
    private final double tb;
    private final long startTicks;
    private AVPacket pkt = av_packet_alloc();
    private boolean pending;
    private boolean eof;

    CopiedAudio(Mp4Muxer muxer, Demuxer in, double startSeconds) {
        this.muxer = muxer;
        this.in = in;
        this.src = in.audioStream();
        this.tb = Rational.of(src.time_base()).toDouble();
        long origin = src.start_time() != AV_NOPTS_VALUE ? src.start_time() : 0;
        this.startTicks = origin + Math.round(startSeconds / tb);
        out = muxer.newStream();
        FFmpeg.check(avcodec_parameters_copy(out.codecpar(), src.codecpar()), in.path(), "cannot copy audio");
        out.codecpar().codec_tag(0);
        out.time_base(src.time_base());
        if (startSeconds > 0) {
            av_seek_frame(in.context(), in.audioStreamIndex(), startTicks, AVSEEK_FLAG_BACKWARD);
        }
    }

    @Override
    public void pumpUntil(double seconds) {
        while (!eof) {
            if (!pending && !readAudioPacket()) {
                return;
            }
            pending = true;
            long pts = pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
            double t = (pts - startTicks) * tb;
            if (t >= seconds) {
                return;
            }
            pending = false;
            long dur = Math.max(1, pkt.duration());
            if (pts + dur / 2 < startTicks) {
                av_packet_unref(pkt);
                continue;
            }
            long shift = startTicks;
            pkt.pts(Math.max(0, pts - shift));
            pkt.dts(Math.max(0, (pkt.dts() != AV_NOPTS_VALUE ? pkt.dts() : pts) - shift));
            pkt.stream_index(out.index());
            av_packet_rescale_ts(pkt, src.time_base(), out.time_base());
            pkt.pos(-1);
            try {
                muxer.write(pkt);
            } finally {
                av_packet_unref(pkt);
            }
        }
    }

    private boolean readAudioPacket() {
        while (true) {
            if (!in.readToEndOrDamage(pkt)) {
                eof = true;
                return false;
            }
            if (pkt.stream_index() == in.audioStreamIndex()) {
                return true;
            }
            av_packet_unref(pkt);
        }
    }

    @Override
    public void finish(double endSeconds) {
        pumpUntil(endSeconds);
        eof = true;
    }

    @Override
    public void close() {
        if (pkt != null) {
            av_packet_free(pkt);
            pkt = null;
        }
        in.close();
    }
}
