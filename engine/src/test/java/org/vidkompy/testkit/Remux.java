package org.vidkompy.testkit;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_get_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_init;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_send_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_new;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_display_matrix_flip;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVBSFContext;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Copies the video stream of a file into another container without re-encoding (so the pixels
 * stay bit-identical), changing only what a test needs: the display matrix a phone writes, or the
 * AVI timing of files whose stream header counts time-base ticks rather than frames.
 */
public final class Remux {

    private String format = "mp4";
    private int rotationCw;
    private boolean hflip;
    private int ticksPerFrame = 1;

    public static Remux to(String format) {
        Remux r = new Remux();
        r.format = format;
        return r;
    }

    /** Tags the stream as shown rotated clockwise by this many degrees (as phones tag portrait footage). */
    public Remux rotated(int degreesCw, boolean mirrored) {
        this.rotationCw = degreesCw;
        this.hflip = mirrored;
        return this;
    }

    /**
     * Gives each frame this many ticks of the stream time base. The AVI muxer then writes an empty
     * index entry for every tick without a frame, and its stream header counts them all: the
     * layout of AVIs whose header promises twice the frames they hold.
     */
    public Remux ticksPerFrame(int n) {
        this.ticksPerFrame = n;
        return this;
    }

    public Path write(Path source, Path target) {
        AVFormatContext in = new AVFormatContext(null);
        check(avformat_open_input(in, source.toString(), (AVInputFormat) null, (AVDictionary) null), "open");
        AVFormatContext out = new AVFormatContext(null);
        AVPacket pkt = av_packet_alloc();
        try {
            check(avformat_find_stream_info(in, (AVDictionary) null), "stream info");
            int v = av_find_best_stream(in, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            AVStream is = in.streams(v);
            check(avformat_alloc_output_context2(out, null, format, target.toString()), "muxer");
            AVStream os = avformat_new_stream(out, (AVCodec) null);
            AVBSFContext annexB = "avi".equals(format) ? annexB(is) : null;
            check(avcodec_parameters_copy(os.codecpar(), annexB != null ? annexB.par_out() : is.codecpar()),
                    "parameters");
            os.codecpar().codec_tag(0);
            AVRational frameBase = new AVRational();
            frameBase.num(is.avg_frame_rate().den());
            frameBase.den(is.avg_frame_rate().num() * ticksPerFrame);
            os.time_base(ticksPerFrame == 1 ? is.time_base() : frameBase);
            if (rotationCw != 0 || hflip) {
                addDisplayMatrix(os);
            }
            AVIOContext pb = new AVIOContext(null);
            check(avio_open(pb, target.toString(), AVIO_FLAG_WRITE), "create");
            out.pb(pb);
            check(avformat_write_header(out, (AVDictionary) null), "header");
            long n = 0;
            while (av_read_frame(in, pkt) >= 0) {
                if (pkt.stream_index() == v) {
                    if (ticksPerFrame == 1) {
                        av_packet_rescale_ts(pkt, is.time_base(), os.time_base());
                    } else {
                        // Decode order, one frame per ticksPerFrame ticks: the fixtures have no B-frame reordering to keep.
                        pkt.dts(n * ticksPerFrame);
                        pkt.pts(AV_NOPTS_VALUE == pkt.pts() ? AV_NOPTS_VALUE : n * ticksPerFrame);
                        pkt.duration(ticksPerFrame);
                        n++;
                    }
                    pkt.stream_index(0);
                    pkt.pos(-1);
                    if (annexB == null) {
                        check(av_interleaved_write_frame(out, pkt), "write");
                    } else {
                        // AVI carries H.264 with start codes, as Windows-era writers stored it.
                        check(av_bsf_send_packet(annexB, pkt), "annex b");
                        while (av_bsf_receive_packet(annexB, pkt) >= 0) {
                            check(av_interleaved_write_frame(out, pkt), "write");
                        }
                    }
                }
                av_packet_unref(pkt);
            }
            if (annexB != null) {
                av_bsf_free(annexB);
            }
            check(av_write_trailer(out), "trailer");
            return target;
        } finally {
            av_packet_free(pkt);
            Remux.closeOutput(out);
            avformat_close_input(in);
        }
    }

    private static AVBSFContext annexB(AVStream is) {
        AVBSFContext bsf = new AVBSFContext(null);
        check(av_bsf_alloc(av_bsf_get_by_name("h264_mp4toannexb"), bsf), "bsf");
        check(avcodec_parameters_copy(bsf.par_in(), is.codecpar()), "bsf parameters");
        bsf.time_base_in(is.time_base());
        check(av_bsf_init(bsf), "bsf init");
        return bsf;
    }

    private void addDisplayMatrix(AVStream os) {
        AVCodecParameters par = os.codecpar();
        // The function grows the array in place; hand it the fields' values and store them back.
        PointerPointer<AVPacketSideData> array = new PointerPointer<>(1);
        array.put(0, par.coded_side_data());
        IntPointer count = new IntPointer(1).put(0, par.nb_coded_side_data());
        AVPacketSideData sd = av_packet_side_data_new(array, count, AV_PKT_DATA_DISPLAYMATRIX, 9 * 4, 0);
        if (sd == null || sd.isNull()) {
            throw new IllegalStateException("cannot add a display matrix");
        }
        par.coded_side_data(array.get(AVPacketSideData.class, 0));
        par.nb_coded_side_data(count.get(0));
        IntPointer m = new IntPointer(sd.data()).capacity(9);
        // set(m, 90) gives the matrix iPhones write for portrait footage (0 1 / -1 0), which
        // players turn clockwise; ffprobe reports it as "rotation of -90 degrees".
        av_display_rotation_set(m, rotationCw);
        if (hflip) {
            av_display_matrix_flip(m, 1, 0);
        }
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException("remux: " + what + " failed (" + ret + ")");
        }
    }

    /** Closes an output context a fixture wrote, whether or not it got as far as its file. */
    static void closeOutput(AVFormatContext out) {
        if (out.pb() != null && !out.pb().isNull()) {
            avio_closep(out.pb());
        }
        avformat_free_context(out);
    }
}
