package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AC3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_EAC3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_query_codec;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * An MP4 file being written into a claimed output's temporary file ({@link OutputFile}); only
 * {@link #finish()} publishes it, so a failed or interrupted job never leaves a half-written output
 * under the output's name. Whoever claimed the output closes the claim.
 */
final class Mp4Muxer implements AutoCloseable {

    private final OutputFile output;
    private final Path target;
    private AVFormatContext ctx;
    private boolean headerWritten;

    Mp4Muxer(OutputFile output) {
        this.output = output;
        this.target = output.target();
        String temp = output.temp().toString();
        FFmpeg.init();
        ctx = new AVFormatContext(null);
        FFmpeg.check(avformat_alloc_output_context2(ctx, null, "mp4", temp), target,
                "cannot create MP4 muxer");
        AVIOContext pb = new AVIOContext(null);
        int ret = avio_open(pb, temp, AVIO_FLAG_WRITE);
        if (ret < 0) {
            avformat_free_context(ctx);
            ctx = null;
            throw new MediaException(target, "cannot write (" + FFmpeg.describe(ret) + ")");
        }
        ctx.pb(pb);
    }

    Path target() {
        return target;
    }

    boolean needsGlobalHeader() {
        return (ctx.oformat().flags() & AVFMT_GLOBALHEADER) != 0;
    }

    /**
     * Whether audio in this codec is copied as-is (otherwise it is transcoded to AAC). The MP4
     * muxer accepts more (PCM, FLAC, Opus), but common players do not, so only the codecs every
     * player takes in MP4 are copied.
     */
    boolean canCopyAudio(int codecId) {
        boolean playable = codecId == AV_CODEC_ID_AAC || codecId == AV_CODEC_ID_MP3
                || codecId == AV_CODEC_ID_AC3 || codecId == AV_CODEC_ID_EAC3;
        AVOutputFormat f = ctx.oformat();
        return playable && avformat_query_codec(f, codecId, 0) == 1;
    }

    AVStream newStream() {
        return avformat_new_stream(ctx, (AVCodec) null);
    }

    void writeHeader() {
        AVDictionary opts = new AVDictionary(null);
        // faststart moves the index to the front so players and browsers can start at once.
        av_dict_set(opts, "movflags", "+faststart", 0);
        try {
            FFmpeg.check(avformat_write_header(ctx, opts), target, "cannot write MP4 header");
        } finally {
            av_dict_free(opts);
        }
        headerWritten = true;
    }

    void write(AVPacket pkt) {
        int ret = av_interleaved_write_frame(ctx, pkt);
        if (ret < 0) {
            throw new MediaException(target, "cannot write (" + FFmpeg.describe(ret)
                    + "; disk full or folder gone?)");
        }
    }

    /** Writes the index, closes the file and publishes it under the output's name. */
    void finish() {
        FFmpeg.check(av_write_trailer(ctx), target, "cannot finish the MP4 file (disk full?)");
        closeContext();
        output.commit();
    }

    private void closeContext() {
        if (ctx != null) {
            if (ctx.pb() != null && !ctx.pb().isNull()) {
                avio_closep(ctx.pb());
            }
            avformat_free_context(ctx);
            ctx = null;
        }
    }

    @Override
    public void close() {
        closeContext();
    }

    boolean headerWritten() {
        return headerWritten;
    }
}
