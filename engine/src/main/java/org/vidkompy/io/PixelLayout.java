package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;

/**
 * Layouts the reader can deliver and the writer can take: packed ones, and planar YUV 4:2:0
 * (what H.264 encodes), stored as three tight planes one after the other: Y (width × height), then
 * U and V ((width + 1) / 2 × (height + 1) / 2 each). Its {@link #channels()} is 1: the first
 * {@code width * height} bytes are the luma plane.
 */
public enum PixelLayout {
    GRAY8(1, AV_PIX_FMT_GRAY8),
    RGB24(3, AV_PIX_FMT_RGB24),
    RGBA(4, AV_PIX_FMT_RGBA),
    YUV420P(1, AV_PIX_FMT_YUV420P),
    /**
     * {@link #YUV420P} with 10-bit samples, each in two bytes, little-endian (0..1023, limited
     * range 64..940): what a 10-bit source is composited and encoded in.
     */
    YUV420P10(1, AV_PIX_FMT_YUV420P10LE);

    private final int channels;
    private final int avFormat;

    PixelLayout(int channels, int avFormat) {
        this.channels = channels;
        this.avFormat = avFormat;
    }

    public int channels() {
        return channels;
    }

    public boolean planar() {
        return this == YUV420P || this == YUV420P10;
    }

    /** Bytes of one sample of one plane. */
    public int sampleBytes() {
        return this == YUV420P10 ? 2 : 1;
    }

    public int bitDepth() {
        return this == YUV420P10 ? 10 : 8;
    }

    /** The planar layout that keeps {@code bits} per sample: 10-bit for anything deeper than 8. */
    public static PixelLayout planarFor(int bits) {
        return bits > 8 ? YUV420P10 : YUV420P;
    }

    /** Bytes of one frame of this size. */
    public int bytes(int width, int height) {
        if (planar()) {
            return (width * height + 2 * chromaWidth(width) * chromaHeight(height)) * sampleBytes();
        }
        return width * height * channels;
    }

    /** Width of a 4:2:0 chroma plane: an odd last column still has its own chroma sample. */
    public static int chromaWidth(int width) {
        return (width + 1) / 2;
    }

    public static int chromaHeight(int height) {
        return (height + 1) / 2;
    }

    int avFormat() {
        return avFormat;
    }
}
