package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import java.util.Optional;

/**
 * One input file as a job knows it, from one demux pass ({@link VideoProbe}) and then passed along
 * to the analysis and the render, so no stage reads the file again to learn the same things.
 * {@code frameCount} is exact (counted from the stream's packets, because container headers often
 * lie); {@code times} holds every frame's presentation time, for exact seeks and variable frame
 * rates; {@code nominalFps} is the stream's r_frame_rate and {@code averageFps} is frames divided by
 * duration, which is what matters when the two disagree (variable frame rate, dropped frames).
 * Sizes and {@code rotation} are as players show the picture.
 *
 * <p>{@code pixelAspect} is the width of one pixel over its height as shown (1:1 for square pixels;
 * anamorphic SD, HDV and some camera files have others). A job works in the bg's pixels: the fg is
 * {@link #placedOn placed on} the bg, which states its size in pixels of the bg's aspect, and every
 * reader asked for that size resamples the fg's picture to it. {@code pictureWidth} and
 * {@code pictureHeight} stay the file's own picture (rotated as shown, never resampled).
 */
public record MediaClip(
        Path path,
        int width,
        int height,
        Rational nominalFps,
        double averageFps,
        long frameCount,
        double duration,
        int rotation,
        String pixelFormat,
        String codec,
        Optional<AudioInfo> audio,
        FrameTimes times,
        Rational pixelAspect,
        int pictureWidth,
        int pictureHeight) {

    public MediaClip {
        if (pixelAspect == null || !pixelAspect.isValid()) {
            pixelAspect = SQUARE;
        }
        if (pictureWidth <= 0 || pictureHeight <= 0) {
            pictureWidth = width;
            pictureHeight = height;
        }
    }

    /** Pixels as wide as they are high: what a file that says nothing has. */
    public static final Rational SQUARE = new Rational(1, 1);

    /** A clip of square pixels, its picture the size it is placed at. */
    public MediaClip(Path path, int width, int height, Rational nominalFps, double averageFps, long frameCount,
                     double duration, int rotation, String pixelFormat, String codec, Optional<AudioInfo> audio,
                     FrameTimes times) {
        this(path, width, height, nominalFps, averageFps, frameCount, duration, rotation, pixelFormat, codec, audio,
                times, SQUARE, width, height);
    }

    /**
     * This clip in the pixels of {@code bg}: its picture resampled along one axis so that one of its
     * pixels covers what one of the bg's does. The picture is only ever stretched, never squeezed
     * (an fg's detail is what the job keeps): wider pixels than the bg's widen it, narrower ones
     * make it taller. The same clip when the aspects agree, so placing twice changes nothing.
     */
    public MediaClip placedOn(MediaClip bg) {
        double ratio = pixelAspect.toDouble() / bg.pixelAspect().toDouble();
        if (Math.abs(ratio - 1) < 1e-9) {
            return this;
        }
        int w = ratio > 1 ? (int) Math.round(width * ratio) : width;
        int h = ratio > 1 ? height : (int) Math.round(height / ratio);
        return new MediaClip(path, w, h, nominalFps, averageFps, frameCount, duration, rotation, pixelFormat, codec,
                audio, times, bg.pixelAspect(), pictureWidth, pictureHeight);
    }

    /** Whether the picture is read at another size than the file's own (see {@link #placedOn}). */
    public boolean resampled() {
        return width != pictureWidth || height != pictureHeight;
    }

    /** Whether the pixels are not square. */
    public boolean anamorphic() {
        return Math.abs(pixelAspect.toDouble() - 1) > 1e-9;
    }

    /** Bits per sample of the decoded picture (8 where the format is unknown). */
    public int bitDepth() {
        int fmt = av_get_pix_fmt(pixelFormat);
        AVPixFmtDescriptor desc = fmt < 0 ? null : av_pix_fmt_desc_get(fmt);
        return desc == null || desc.isNull() ? 8 : desc.comp(0).depth();
    }

    public boolean hasAudio() {
        return audio.isPresent();
    }

    /** The frame rate to reason with: the measured average, or the nominal one if it is unknown. */
    public double fps() {
        return averageFps > 0 ? averageFps : nominalFps.toDouble();
    }
}
