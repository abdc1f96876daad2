package org.vidkompy.io;

import java.util.List;

/**
 * How {@link VideoWriter} encodes: H.264 (libx264) yuv420p in MP4.
 *
 * @param input     layout of the pixels handed to {@link VideoWriter#write}
 * @param timeBase  unit of the presentation timestamps handed to {@link VideoWriter#write}
 * @param frameRate nominal rate, a hint for the encoder's rate control; timestamps rule
 * @param crf       x264 constant rate factor (0 lossless .. 51); 18 is visually lossless for most footage
 * @param preset    x264 speed/size trade-off, "ultrafast" .. "veryslow"
 * @param audio     audio to copy (or transcode to AAC) beside the video, or null for none
 * @param repeatable the same input gives the same file on every run (see {@link #repeatably})
 * @param pixelAspect the pixels' width over their height, written into the stream so players show an
 *                    anamorphic picture as its source was shown
 */
public record WriterOptions(int width, int height, PixelLayout input, Rational timeBase, Rational frameRate,
                            int crf, String preset, AudioSource audio, boolean repeatable, Rational pixelAspect) {

    public static final int DEFAULT_CRF = 18;
    public static final String DEFAULT_PRESET = "medium";
    /** x264's presets, fastest first. */
    public static final List<String> PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow", "placebo");

    public WriterOptions {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("output size must be positive: " + width + "x" + height);
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be 0..51, got " + crf);
        }
        if (pixelAspect == null || !pixelAspect.isValid()) {
            pixelAspect = MediaClip.SQUARE;
        }
    }

    public static WriterOptions of(int width, int height, Rational frameRate) {
        return new WriterOptions(width, height, PixelLayout.RGB24, new Rational(frameRate.den(), frameRate.num()),
                frameRate, DEFAULT_CRF, DEFAULT_PRESET, null, false, MediaClip.SQUARE);
    }

    public WriterOptions withAudio(AudioSource a) {
        return new WriterOptions(width, height, input, timeBase, frameRate, crf, preset, a, repeatable, pixelAspect);
    }

    public WriterOptions withQuality(int newCrf, String newPreset) {
        return new WriterOptions(width, height, input, timeBase, frameRate, newCrf, newPreset, audio, repeatable,
                pixelAspect);
    }

    public WriterOptions withTimeBase(Rational tb) {
        return new WriterOptions(width, height, input, tb, frameRate, crf, preset, audio, repeatable, pixelAspect);
    }

    public WriterOptions withInput(PixelLayout layout) {
        return new WriterOptions(width, height, layout, timeBase, frameRate, crf, preset, audio, repeatable, pixelAspect);
    }

    public WriterOptions withPixelAspect(Rational aspect) {
        return new WriterOptions(width, height, input, timeBase, frameRate, crf, preset, audio, repeatable, aspect);
    }

    /**
     * Without x264's macroblock tree, which reads memory it never wrote: with it, the same frames
     * encoded after other work in the same process came out as another file (a few pixels per frame,
     * 45-70 dB apart), and test pairs scored against exact truth must be the same on every run and
     * machine. Costs some bits at the same quality; rendered output keeps the tree. The encoder's
     * thread count is fixed too: x264's decisions depend on it.
     */
    public WriterOptions repeatably() {
        return new WriterOptions(width, height, input, timeBase, frameRate, crf, preset, audio, true, pixelAspect);
    }
}
