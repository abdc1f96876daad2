package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * An opened input file: the format context plus the chosen video and audio streams. Checks the
 * file up front so every failure names the file and says what is wrong with it.
 */
final class Demuxer implements AutoCloseable {

    private final Path path;
    private AVFormatContext ctx;
    private final int videoStream;
    private final int audioStream;

    private Demuxer(Path path, AVFormatContext ctx, int videoStream, int audioStream) {
        this.path = path;
        this.ctx = ctx;
        this.videoStream = videoStream;
        this.audioStream = audioStream;
    }

    /** Opens a file that must contain a decodable video stream. */
    static Demuxer openVideo(Path path) {
        Demuxer d = open(path);
        if (d.videoStream < 0) {
            d.close();
            throw new MediaException(path, "has no video stream");
        }
        return d;
    }

    /** Opens any media file; the caller checks which streams it needs. */
    static Demuxer open(Path path) {
        FFmpeg.init();
        checkReadableFile(path);
        AVFormatContext ctx = new AVFormatContext(null);
        int ret = avformat_open_input(ctx, path.toAbsolutePath().toString(), (AVInputFormat) null,
                (AVDictionary) null);
        if (ret < 0) {
            throw new MediaException(path, "not a readable media file (" + FFmpeg.describe(ret) + ")");
        }
        ret = avformat_find_stream_info(ctx, (AVDictionary) null);
        if (ret < 0) {
            avformat_close_input(ctx);
            throw new MediaException(path, "cannot read stream information (" + FFmpeg.describe(ret) + ")");
        }
        int video = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (video >= 0 && isAttachedPicture(ctx.streams(video))) {
            video = -1;
        }
        int audio = av_find_best_stream(ctx, AVMEDIA_TYPE_AUDIO, -1, video, (AVCodec) null, 0);
        return new Demuxer(path, ctx, video, Math.max(-1, audio));
    }

    static void checkReadableFile(Path path) {
        if (!Files.exists(path)) {
            throw new MediaException(path, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new MediaException(path, "is a directory, not a video file");
        }
        if (!Files.isRegularFile(path)) {
            // A FIFO or device has no size (it would pass as "empty") and opening a FIFO blocks.
            throw new MediaException(path, "is a pipe, device or socket, not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new MediaException(path, "cannot be read (permission denied)");
        }
        try {
            if (Files.size(path) == 0) {
                throw new MediaException(path, "is empty (0 bytes)");
            }
        } catch (java.io.IOException e) {
            throw new MediaException(path, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isAttachedPicture(AVStream s) {
        return (s.disposition() & org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
    }

    Path path() {
        return path;
    }

    AVFormatContext context() {
        return ctx;
    }

    int videoStreamIndex() {
        return videoStream;
    }

    int audioStreamIndex() {
        return audioStream;
    }

    AVStream videoStream() {
        return ctx.streams(videoStream);
    }

    AVStream audioStream() {
        return audioStream < 0 ? null : ctx.streams(audioStream);
    }

    /**
     * Reads the next packet of any stream into {@code pkt}.
     *
     * @return false at the end of the file
     */
    boolean read(AVPacket pkt) {
        int ret = av_read_frame(ctx, pkt);
        if (ret == AVERROR_EOF) {
            return false;
        }
        if (ret < 0) {
            // A truncated or damaged tail reads as an error here; the caller decides if that is fatal.
            throw new MediaException(path, "damaged or truncated stream (" + FFmpeg.describe(ret) + ")");
        }
        return true;
    }

    /**
     * Like {@link #read}, with a read error taken as the end: for audio, where a damaged tail
     * should only end the sound early (the video decides whether the job fails).
     */
    boolean readToEndOrDamage(AVPacket pkt) {
        try {
            return read(pkt);
        } catch (MediaException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (ctx != null) {
            avformat_close_input(ctx);
            ctx = null;
        }
    }
}
