package org.vidkompy.compose;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;

/** Decodes the first seconds of a file's audio and measures the pitch of the generator's chirp. */
final class ToneMeter {

    private ToneMeter() {
    }

    /** Channel 0 of the first {@code seconds} of audio, as decoded (AAC decodes to planar float). */
    static float[] samples(Path file, double seconds, int[] rateOut) {
        AVFormatContext fmt = new AVFormatContext(null);
        if (avformat_open_input(fmt, file.toString(), (AVInputFormat) null, (AVDictionary) null) < 0) {
            throw new IllegalStateException("cannot open " + file);
        }
        AVCodecContext dec = null;
        AVPacket pkt = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            avformat_find_stream_info(fmt, (AVDictionary) null);
            int s = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
            if (s < 0) {
                throw new IllegalStateException(file + " has no audio");
            }
            AVCodec codec = avcodec_find_decoder(fmt.streams(s).codecpar().codec_id());
            dec = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(dec, fmt.streams(s).codecpar());
            avcodec_open2(dec, codec, (AVDictionary) null);
            int rate = dec.sample_rate();
            rateOut[0] = rate;
            float[] out = new float[(int) (seconds * rate)];
            int n = 0;
            while (n < out.length && av_read_frame(fmt, pkt) >= 0) {
                if (pkt.stream_index() == s && avcodec_send_packet(dec, pkt) >= 0) {
                    while (n < out.length && avcodec_receive_frame(dec, frame) >= 0) {
                        if (frame.format() != AV_SAMPLE_FMT_FLTP) {
                            throw new IllegalStateException("unexpected sample format " + frame.format());
                        }
                        FloatPointer ch0 = new FloatPointer(frame.data(0));
                        int take = Math.min(frame.nb_samples(), out.length - n);
                        ch0.get(out, n, take);
                        n += take;
                    }
                }
                av_packet_unref(pkt);
            }
            return Arrays.copyOf(out, n);
        } finally {
            av_frame_free(frame);
            av_packet_free(pkt);
            if (dec != null) {
                avcodec_free_context(dec);
            }
            avformat_close_input(fmt);
        }
    }

    /**
     * Frequency at t = 0 of a chirp rising by {@code slope} Hz/s, from the zero crossings in
     * [from, to) seconds: crossing k has phase k·π, and for a linear chirp
     * k/2 − slope·t²/2 = f0·t + c, a straight line whose slope is f0.
     */
    static double startFrequency(float[] x, int rate, double slope, double from, double to) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        int k = 0;
        for (int i = Math.max(1, (int) (from * rate)); i < Math.min(x.length, (int) (to * rate)); i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                double t = (i - 1 + x[i - 1] / (x[i - 1] - x[i])) / rate;
                double y = k / 2.0 - slope * t * t / 2;
                sx += t;
                sy += y;
                sxx += t * t;
                sxy += t * y;
                n++;
                k++;
            }
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
