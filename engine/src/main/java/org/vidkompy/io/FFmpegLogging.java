package org.vidkompy.io;

/** Lets the command line turn FFmpeg's own diagnostics on for {@code -v}. */
public final class FFmpegLogging {
    private FFmpegLogging() {
    }

    public static void verbose(boolean on) {
        FFmpeg.verboseLogging(on);
    }
}
