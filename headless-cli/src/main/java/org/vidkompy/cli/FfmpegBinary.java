package org.vidkompy.cli;

import org.bytedeco.javacpp.Loader;

/** The ffmpeg program shipped inside the Bytedeco jar, used only for benchmarks. */
final class FfmpegBinary {
    private FfmpegBinary() {
    }

    static String locate() {
        try {
            return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("the bundled ffmpeg program cannot load (" + e.getMessage()
                    + "); on Debian/Ubuntu 'apt-get install libpulse0', or pass --ffmpeg PATH", e);
        }
    }
}
