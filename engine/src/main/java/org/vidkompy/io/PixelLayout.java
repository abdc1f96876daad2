package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;

/** Packed 8-bit layouts the reader can deliver and the writer can take. */
public enum PixelLayout {
    GRAY8(1, AV_PIX_FMT_GRAY8),
    RGB24(3, AV_PIX_FMT_RGB24),
    RGBA(4, AV_PIX_FMT_RGBA);

    private final int channels;
    private final int avFormat;

    PixelLayout(int channels, int avFormat) {
        this.channels = channels;
        this.avFormat = avFormat;
    }

    public int channels() {
        return channels;
    }

    int avFormat() {
        return avFormat;
    }
}
