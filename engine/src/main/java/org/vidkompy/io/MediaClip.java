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
        FrameTimes times) {

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
