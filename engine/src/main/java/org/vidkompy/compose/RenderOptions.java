package org.vidkompy.compose;

import org.vidkompy.media.FrameRange;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to render.
 *
 * @param output    the file to write (MP4)
 * @param crf       x264 constant rate factor, see {@link #DEFAULT_CRF}
 * @param preset    x264 preset, see {@link #DEFAULT_PRESET}
 * @param audio     which audio to include
 * @param margin    feather width in output pixels on edges where the bg shows; 0 for hard edges
 *                  (the fg still blends by coverage on its fractional edge pixels)
 * @param frames    the fg frames to render (inclusive), or null for all
 * @param overwrite replace an existing output (never an input)
 * @param threads   compositing threads per frame (bands); decoding and encoding run beside them
 * @param bitDepth  bits per sample of the output: 8, 10, or {@link #FOLLOW_INPUTS}
 */
public record RenderOptions(Path output, int crf, String preset, AudioMode audio, double margin, FrameRange frames,
                            boolean overwrite, int threads, int bitDepth) {

    /**
     * Output bit depth chosen from the inputs: 10-bit (H.264 High 10) when either has more than 8
     * bits per sample, so a 10-bit master is not cut to 8 bits; else 8-bit, which every player
     * decodes (many hardware decoders do not take High 10).
     */
    public static final int FOLLOW_INPUTS = 0;

    /**
     * crf 18 is the usual "visually lossless" point for x264 (what the original tool's FFmpeg
     * path used): an intermediate an editor can cut and grade without visible loss, at a fraction of
     * the size of a lossless file.
     */
    public static final int DEFAULT_CRF = 18;
    /**
     * "medium" is x264's own default and what every editor and player has seen most; slower
     * presets save only a few percent of size for a lot of time, faster ones cost more bits
     * for the same quality. Output is H.264 High, yuv420p, BT.709 (High 10, yuv420p10le, for 10-bit
     * inputs, see {@link #FOLLOW_INPUTS}), in MP4 with faststart.
     */
    public static final String DEFAULT_PRESET = "medium";
    /** The original tool's default feather width. */
    public static final int DEFAULT_MARGIN = 8;

    public RenderOptions {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(audio, "audio");
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be 0..51, got " + crf);
        }
        if (margin < 0 || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be >= 0, got " + margin);
        }
        if (bitDepth != FOLLOW_INPUTS && bitDepth != 8 && bitDepth != 10) {
            throw new IllegalArgumentException("bit depth must be 8 or 10, got " + bitDepth);
        }
        if (frames != null && (frames.first() < 0 || frames.last() < frames.first())) {
            throw new IllegalArgumentException("bad frame range " + frames.first() + "-" + frames.last());
        }
    }

    /** Defaults: crf 18, preset medium, audio AUTO, hard edges, all frames, no overwrite. */
    public static RenderOptions to(Path output) {
        return new RenderOptions(output, DEFAULT_CRF, DEFAULT_PRESET, AudioMode.AUTO, 0, null, false,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2), FOLLOW_INPUTS);
    }

    public RenderOptions withQuality(int newCrf, String newPreset) {
        return new RenderOptions(output, newCrf, newPreset, audio, margin, frames, overwrite, threads, bitDepth);
    }

    public RenderOptions withAudio(AudioMode mode) {
        return new RenderOptions(output, crf, preset, mode, margin, frames, overwrite, threads, bitDepth);
    }

    public RenderOptions withFeather(double newMargin) {
        return new RenderOptions(output, crf, preset, audio, newMargin, frames, overwrite, threads, bitDepth);
    }

    public RenderOptions withFrames(FrameRange range) {
        return new RenderOptions(output, crf, preset, audio, margin, range, overwrite, threads, bitDepth);
    }

    public RenderOptions withOverwrite(boolean o) {
        return new RenderOptions(output, crf, preset, audio, margin, frames, o, threads, bitDepth);
    }

    public RenderOptions withThreads(int n) {
        return new RenderOptions(output, crf, preset, audio, margin, frames, overwrite, Math.max(1, n), bitDepth);
    }

    public RenderOptions withBitDepth(int bits) {
        return new RenderOptions(output, crf, preset, audio, margin, frames, overwrite, threads, bits);
    }

    /** The output's bit depth for these inputs (see {@link #FOLLOW_INPUTS}). */
    public int bitDepthFor(int bgBits, int fgBits) {
        return bitDepth != FOLLOW_INPUTS ? bitDepth : Math.max(bgBits, fgBits) > 8 ? 10 : 8;
    }

    public RenderOptions withOutput(Path p) {
        return new RenderOptions(p, crf, preset, audio, margin, frames, overwrite, threads, bitDepth);
    }
}
