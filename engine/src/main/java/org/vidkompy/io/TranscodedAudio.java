package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_drain;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Audio that MP4 cannot carry as-is (PCM, for instance) is decoded, converted to planar float and
 * encoded as AAC at 192 kb/s; the start and end cuts are sample-accurate.
 *
 * <p>Over 250 lines because decoding, resampling, the AAC frame FIFO and the sample-accurate cuts
 * share one set of FFmpeg contexts and timestamps.
 */
final class TranscodedAudio implements AudioTrack {

    private static final int CHUNK = 8192;

    private final Mp4Muxer muxer;
    private final Demuxer in;
    private final AVStream src;
    private final AVStream out;
    private final Path file;
    private AVCodecContext dec;
    private AVCodecContext enc;
    private SwrContext swr;
    private AVAudioFifo fifo;
    private AVFrame decoded = av_frame_alloc();
    private AVFrame converted = av_frame_alloc();
    private AVFrame encFrame = av_frame_alloc();
    private AVPacket pkt = av_packet_alloc();
    private final double startSeconds;
    private final double srcTb;
    private final long srcOrigin;
    private final int rate;
    private long samplesOut;
    private long samplesDropped;
    private boolean eof;
    private boolean drained;

    TranscodedAudio(Mp4Muxer muxer, Demuxer in, double startSeconds) {
        this.muxer = muxer;
        this.in = in;
        this.file = in.path();
        this.src = in.audioStream();
        this.startSeconds = startSeconds;
        this.srcTb = Rational.of(src.time_base()).toDouble();
        this.srcOrigin = src.start_time() != AV_NOPTS_VALUE ? src.start_time() : 0;

        AVCodec d = avcodec_find_decoder(src.codecpar().codec_id());
        if (d == null || d.isNull()) {
            throw new MediaException(file, "no decoder for its audio codec");
        }
        dec = avcodec_alloc_context3(d);
        FFmpeg.check(avcodec_parameters_to_context(dec, src.codecpar()), file, "cannot set up audio decoder");
        dec.pkt_timebase(src.time_base());
        FFmpeg.check(avcodec_open2(dec, d, (AVDictionary) null), file, "cannot open audio decoder");

        AVCodec e = avcodec_find_encoder(AV_CODEC_ID_AAC);
        enc = avcodec_alloc_context3(e);
        rate = dec.sample_rate();
        int channels = Math.max(1, Math.min(2, dec.ch_layout().nb_channels()));
        AVChannelLayout layout = new AVChannelLayout();
        av_channel_layout_default(layout, channels);
        av_channel_layout_copy(enc.ch_layout(), layout);
        enc.sample_rate(rate);
        enc.sample_fmt(AV_SAMPLE_FMT_FLTP);
        enc.bit_rate(192_000);
        enc.time_base(new AVRational().num(1).den(rate));
        if (muxer.needsGlobalHeader()) {
            enc.flags(enc.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        FFmpeg.check(avcodec_open2(enc, e, (AVDictionary) null), muxer.target(), "cannot open AAC encoder");
        out = muxer.newStream();
        FFmpeg.check(avcodec_parameters_from_context(out.codecpar(), enc), muxer.target(), "cannot set up audio");
        out.time_base(enc.time_base());

        SwrContext s = new SwrContext(null);
        FFmpeg.check(swr_alloc_set_opts2(s, enc.ch_layout(), AV_SAMPLE_FMT_FLTP, rate, dec.ch_layout(),
                dec.sample_fmt(), rate, 0, (Pointer) null), file, "cannot set up audio conversion");
        swr = s;
        FFmpeg.check(swr_init(swr), file, "cannot set up audio conversion");
        fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, CHUNK);

        converted.format(AV_SAMPLE_FMT_FLTP);
        av_channel_layout_copy(converted.ch_layout(), enc.ch_layout());
        converted.nb_samples(CHUNK);
        converted.sample_rate(rate);
        FFmpeg.check(av_frame_get_buffer(converted, 0), file, "cannot allocate audio buffer");
        int frameSize = enc.frame_size() > 0 ? enc.frame_size() : 1024;
        encFrame.format(AV_SAMPLE_FMT_FLTP);
        av_channel_layout_copy(encFrame.ch_layout(), enc.ch_layout());
        encFrame.nb_samples(frameSize);
        encFrame.sample_rate(rate);
        FFmpeg.check(av_frame_get_buffer(encFrame, 0), file, "cannot allocate audio buffer");
        if (startSeconds > 0) {
            av_seek_frame(in.context(), in.audioStreamIndex(), srcOrigin + Math.round(startSeconds / srcTb),
                    AVSEEK_FLAG_BACKWARD);
        }
    }

    @Override
    public void pumpUntil(double seconds) {
        long wanted = Math.round(seconds * rate);
        while (samplesOut + av_audio_fifo_size(fifo) < wanted && !drained) {
            decodeMore();
        }
        encodeFull(wanted);
    }

    @Override
    public void finish(double endSeconds) {
        long limit = Math.round(endSeconds * rate);
        pumpUntil(endSeconds);
        // The last, partial frame: AAC takes a short final frame.
        long left = Math.min(av_audio_fifo_size(fifo), limit - samplesOut);
        if (left > 0) {
            encodeFrame((int) left);
        }
        send(null);
    }

    private void encodeFull(long wanted) {
        int frameSize = encFrame.nb_samples();
        while (av_audio_fifo_size(fifo) >= frameSize && samplesOut + frameSize <= wanted) {
            encodeFrame(frameSize);
        }
    }

    private void encodeFrame(int n) {
        FFmpeg.check(av_frame_make_writable(encFrame), file, "cannot reuse audio frame");
        int full = encFrame.nb_samples();
        encFrame.nb_samples(n);
        av_audio_fifo_read(fifo, encFrame.extended_data(), n);
        encFrame.pts(samplesOut);
        samplesOut += n;
        send(encFrame);
        encFrame.nb_samples(full);
    }

    private void send(AVFrame f) {
        int r = avcodec_send_frame(enc, f);
        if (r < 0 && r != AVERROR_EOF) {
            throw new MediaException(muxer.target(), "AAC encoding failed (" + FFmpeg.describe(r) + ")");
        }
        while (true) {
            r = avcodec_receive_packet(enc, pkt);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                return;
            }
            FFmpeg.check(r, muxer.target(), "AAC encoding failed");
            av_packet_rescale_ts(pkt, enc.time_base(), out.time_base());
            pkt.stream_index(out.index());
            try {
                muxer.write(pkt);
            } finally {
                av_packet_unref(pkt);
            }
        }
    }

    /** Decodes one more packet's worth of audio into the FIFO, dropping samples before the start. */
    private void decodeMore() {
        int r = avcodec_receive_frame(dec, decoded);
        if (r >= 0) {
            long p = decoded.best_effort_timestamp();
            double t = p != AV_NOPTS_VALUE ? (p - srcOrigin) * srcTb : Double.NaN;
            int n = swr_convert(swr, converted.extended_data(), CHUNK, decoded.extended_data(),
                    decoded.nb_samples());
            av_frame_unref(decoded);
            push(n, t);
            return;
        }
        if (r == AVERROR_EOF) {
            int n = swr_convert(swr, converted.extended_data(), CHUNK, (PointerPointer) null, 0);
            push(n, Double.NaN);
            if (n <= 0) {
                drained = true;
            }
            return;
        }
        if (r != AVERROR_EAGAIN()) {
            throw new MediaException(file, "cannot decode audio (" + FFmpeg.describe(r) + ")");
        }
        if (eof) {
            avcodec_send_packet(dec, null);
            return;
        }
        while (true) {
            if (!in.readToEndOrDamage(pkt)) {
                eof = true;
                avcodec_send_packet(dec, null);
                return;
            }
            boolean audio = pkt.stream_index() == in.audioStreamIndex();
            if (audio) {
                avcodec_send_packet(dec, pkt);
            }
            av_packet_unref(pkt);
            if (audio) {
                return;
            }
        }
    }

    private void push(int n, double chunkTime) {
        if (n <= 0) {
            return;
        }
        av_audio_fifo_write(fifo, converted.extended_data(), n);
        if (samplesOut == 0 && samplesDropped == 0 && !Double.isNaN(chunkTime) && chunkTime < startSeconds) {
            long drop = Math.min(av_audio_fifo_size(fifo), Math.round((startSeconds - chunkTime) * rate));
            av_audio_fifo_drain(fifo, (int) drop);
            if (drop < n) {
                samplesDropped = drop;
            }
        } else if (samplesOut == 0 && samplesDropped == 0) {
            samplesDropped = -1;
        }
    }

    @Override
    public void close() {
        if (fifo != null) {
            av_audio_fifo_free(fifo);
            fifo = null;
        }
        if (swr != null) {
            swr_free(swr);
            swr = null;
        }
        av_frame_free(decoded);
        av_frame_free(converted);
        av_frame_free(encFrame);
        av_packet_free(pkt);
        if (dec != null) {
            avcodec_free_context(dec);
            dec = null;
        }
        if (enc != null) {
            avcodec_free_context(enc);
            enc = null;
        }
        in.close();
    }
}
