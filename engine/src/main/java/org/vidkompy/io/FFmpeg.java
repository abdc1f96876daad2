package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Small shared helpers for talking to the FFmpeg C API. */
final class FFmpeg {

    private static volatile boolean logConfigured;

    private FFmpeg() {
    }

    /**
     * FFmpeg prints to stderr by default; our own messages name the file and the problem, so the
     * library stays quiet unless the user asked for detail with {@link #verboseLogging(boolean)}.
     */
    static void init() {
        if (!logConfigured) {
            av_log_set_level(AV_LOG_QUIET);
            logConfigured = true;
        }
    }

    static void verboseLogging(boolean verbose) {
        av_log_set_level(verbose ? AV_LOG_ERROR : AV_LOG_QUIET);
        logConfigured = true;
    }

    static String describe(int err) {
        byte[] buf = new byte[256];
        av_strerror(err, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    static int check(int ret, Path file, String what) {
        if (ret < 0) {
            throw new MediaException(file, what + " (" + describe(ret) + ")");
        }
        return ret;
    }
}
