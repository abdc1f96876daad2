package org.vidkompy.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes an H.264 MP4 from packed frames with exact per-frame timestamps (variable frame rate
 * safe), plus optional audio copied from another file. The output appears under its name only
 * when {@link #finish()} succeeds; closing without finishing deletes the partial file.
 *
 * <pre>{@code
 * try (VideoWriter w = VideoWriter.create(out, options)) {
 *     for (...) w.write(rgb, pts);
 *     w.finish();
 * }
 * }</pre>
 */
public final class VideoWriter implements AutoCloseable {

    private final Mp4Muxer muxer;
    /** A claim this writer made itself (from a bare path), closed with it; null when the caller owns it. */
    private final OutputFile ownClaim;
    private final H264Encoder video;
    private final AudioTrack audio;
    private final double timeBase;
    private long lastPts = -1;
    private long frameDuration;
    private final long nominalFrameTicks;
    private final PixelLayout input;

    private VideoWriter(OutputFile output, OutputFile ownClaim, WriterOptions options) {
        this.ownClaim = ownClaim;
        muxer = new Mp4Muxer(output);
        H264Encoder v = null;
        AudioTrack a = null;
        try {
            v = new H264Encoder(muxer, options);
            a = options.audio() != null ? AudioTrack.open(muxer, options.audio()) : null;
            muxer.writeHeader();
        } catch (RuntimeException e) {
            if (a != null) {
                a.close();
            }
            if (v != null) {
                v.close();
            }
            muxer.close();
            if (ownClaim != null) {
                ownClaim.close();
            }
            throw e;
        }
        video = v;
        audio = a;
        input = options.input();
        timeBase = options.timeBase().toDouble();
        Rational fr = options.frameRate();
        nominalFrameTicks = fr != null && fr.isValid()
                ? Math.max(1, Math.round(1.0 / fr.toDouble() / timeBase)) : 1;
    }

    /** Writes into a claimed output; the caller closes the claim. */
    public static VideoWriter create(OutputFile output, WriterOptions options) {
        return new VideoWriter(output, null, options);
    }

    /**
     * Writes {@code target} under the output policy with overwrite allowed (a regular file only,
     * never an input it knows of): for generated files in folders the job owns.
     */
    public static VideoWriter create(Path target, WriterOptions options) {
        OutputFile claim = new OutputPolicy().claim(target, true, java.util.List.of());
        try {
            return new VideoWriter(claim, claim, options);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    /**
     * Encodes one frame shown from {@code pts} (in the options' time base) until the next one.
     * Pixels are packed rows of the options' input layout, top row first, or for
     * {@link PixelLayout#YUV420P} its three planes (BT.709, limited range), which go to the encoder as they are.
     */
    public void write(ByteBuffer pixels, long pts) {
        if (lastPts >= 0) {
            frameDuration = pts - lastPts;
        }
        lastPts = pts;
        video.encode(pixels, pts);
        if (audio != null) {
            audio.pumpUntil(pts * timeBase);
        }
    }

    /** Flushes the encoder, writes the audio up to the end of the last frame, and publishes the file. */
    public void finish() {
        // The last frame lasts as long as the one before it, or one nominal frame if it is alone.
        finish(frameDuration > 0 ? frameDuration : nominalFrameTicks);
    }

    /**
     * Like {@link #finish()}, with the last frame's duration given (in the options' time base): a
     * piece cut from a longer clip knows when the next frame would have come, so pieces joined
     * end to end keep the clip's exact timing.
     */
    public void finish(long lastFrameDuration) {
        long last = Math.max(1, lastFrameDuration);
        video.flush(last);
        if (audio != null) {
            audio.finish((lastPts + last) * timeBase);
        }
        muxer.finish();
    }

    /** Width of the encoded picture: the input width, padded to even (see {@link EvenPadding}). */
    public int width() {
        return video.codedWidth();
    }

    public int height() {
        return video.codedHeight();
    }

    /** The layout {@link #write} takes. */
    public PixelLayout input() {
        return input;
    }

    public Path target() {
        return muxer.target();
    }

    @Override
    public void close() {
        try {
            if (audio != null) {
                audio.close();
            }
            video.close();
        } finally {
            muxer.close();
            if (ownClaim != null) {
                ownClaim.close();
            }
        }
    }
}
