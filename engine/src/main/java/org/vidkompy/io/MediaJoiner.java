package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Joins video pieces end to end into one MP4 without re-encoding (stream copy), as a render farm
 * needs after rendering a job in frame ranges. Each piece's timestamps are shifted to start where
 * the previous piece ends (its last frame's end), so pieces that know their last frame's duration
 * rejoin with the original timing, variable frame rate included. The pieces must come from the
 * same encoder settings (same codec, size and stream headers); the audio is taken from one
 * source for the whole result rather than from the pieces, because pieces' audio would be cut at
 * packet boundaries at every join. Like {@link VideoWriter}, the result appears only when complete.
 */
public final class MediaJoiner {

    private MediaJoiner() {
    }

    /**
     * @param parts  the pieces, in order
     * @param output the joined file, claimed by the caller (published here when complete)
     * @param audio  audio for the whole result (e.g. the fg from the first piece's start), or null
     */
    public static void join(List<Path> parts, OutputFile output, AudioSource audio) {
        Path target = output.target();
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        List<Demuxer> inputs = new ArrayList<>();
        AudioTrack track = null;
        AVPacket pkt = null;
        try (Mp4Muxer muxer = new Mp4Muxer(output)) {
            for (Path p : parts) {
                inputs.add(Demuxer.openVideo(p));
            }
            AVStream first = inputs.get(0).videoStream();
            for (Demuxer d : inputs) {
                requireSameStream(first.codecpar(), d);
            }
            AVStream out = muxer.newStream();
            FFmpeg.check(avcodec_parameters_copy(out.codecpar(), first.codecpar()), target, "cannot copy video");
            out.codecpar().codec_tag(0);
            out.time_base(first.time_base());
            track = audio != null ? AudioTrack.open(muxer, audio) : null;
            muxer.writeHeader();
            AVRational outTb = out.time_base();
            pkt = av_packet_alloc();
            long offset = 0;
            long lastDts = Long.MIN_VALUE;
            for (Demuxer d : inputs) {
                AVStream in = d.videoStream();
                AVRational inTb = in.time_base();
                long start = in.start_time() != AV_NOPTS_VALUE ? in.start_time() : 0;
                long shift = offset - av_rescale_q(start, inTb, outTb);
                long end = offset;
                while (d.read(pkt)) {
                    try {
                        if (pkt.stream_index() != d.videoStreamIndex()) {
                            continue;
                        }
                        av_packet_rescale_ts(pkt, inTb, outTb);
                        long pts = pkt.pts() + shift;
                        long dts = (pkt.dts() != AV_NOPTS_VALUE ? pkt.dts() : pkt.pts()) + shift;
                        // Decode order must keep rising across a join even when a piece starts with B-frame delay.
                        dts = Math.max(dts, lastDts + 1);
                        lastDts = dts;
                        pkt.pts(pts);
                        pkt.dts(dts);
                        end = Math.max(end, pts + Math.max(0, pkt.duration()));
                        pkt.stream_index(out.index());
                        pkt.pos(-1);
                        if (track != null) {
                            track.pumpUntil(pts * Rational.of(outTb).toDouble());
                        }
                        muxer.write(pkt);
                    } finally {
                        av_packet_unref(pkt);
                    }
                }
                offset = end;
            }
            if (track != null) {
                track.finish(offset * Rational.of(outTb).toDouble());
            }
            muxer.finish();
        } finally {
            if (pkt != null) {
                av_packet_free(pkt);
            }
            if (track != null) {
                track.close();
            }
            inputs.forEach(Demuxer::close);
        }
    }

    private static void requireSameStream(AVCodecParameters ref, Demuxer d) {
        AVCodecParameters p = d.videoStream().codecpar();
        if (p.codec_id() != ref.codec_id() || p.width() != ref.width() || p.height() != ref.height()
                || p.format() != ref.format() || !Arrays.equals(extradata(p), extradata(ref))) {
            throw new MediaException(d.path(), "cannot be joined by stream copy: its video stream ("
                    + p.width() + "x" + p.height() + ") was encoded differently from the first piece's ("
                    + ref.width() + "x" + ref.height() + "); render all pieces with the same settings");
        }
    }

    private static byte[] extradata(AVCodecParameters p) {
        int n = p.extradata_size();
        byte[] b = new byte[Math.max(0, n)];
        if (n > 0) {
            p.extradata().get(b);
        }
        return b;
    }
}
