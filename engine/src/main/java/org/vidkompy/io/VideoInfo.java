package org.vidkompy.io;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link VideoProbe} learned about a file. {@code frameCount} is exact (counted from the
 * stream's packets, because container headers often lie); {@code nominalFps} is the stream's
 * r_frame_rate and {@code averageFps} is frames divided by duration, which is what matters when
 * the two disagree (variable frame rate, dropped frames).
 */
public record VideoInfo(
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
        Optional<AudioInfo> audio) {

    public boolean hasAudio() {
        return audio.isPresent();
    }

    /** The frame rate to reason with: the measured average, or the nominal one if it is unknown. */
    public double fps() {
        return averageFps > 0 ? averageFps : nominalFps.toDouble();
    }
}
