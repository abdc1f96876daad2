package org.vidkompy.testkit;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.Rational;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;

/**
 * Writes a copy of a video with every frame read as packed RGB at one size, changed by an edit, and
 * encoded (repeatably, frame times kept) at another: the footage a test needs that the generator does
 * not make (a picture turned, stored squeezed, with something burned in).
 */
public final class Reencode {

    /** Writes the frame to encode from the one read; null for the frame as read. */
    @FunctionalInterface
    public interface Edit {
        void apply(ByteBuffer read, ByteBuffer out);
    }

    private final int readWidth;
    private final int readHeight;
    private int outWidth;
    private int outHeight;
    private Rational pixelAspect = MediaClip.SQUARE;
    private int crf = 18;
    private int first = 0;
    private int end = Integer.MAX_VALUE;

    private Reencode(int width, int height) {
        this.readWidth = width;
        this.readHeight = height;
        this.outWidth = width;
        this.outHeight = height;
    }

    /** Frames read (resampled) to {@code width x height}, encoded at that size unless {@link #to} says otherwise. */
    public static Reencode at(int width, int height) {
        return new Reencode(width, height);
    }

    public Reencode to(int width, int height) {
        outWidth = width;
        outHeight = height;
        return this;
    }

    public Reencode pixelAspect(Rational aspect) {
        pixelAspect = aspect;
        return this;
    }

    public Reencode crf(int value) {
        crf = value;
        return this;
    }

    /** Only frames {@code from..to-1}, the first of them at time 0: an excerpt. */
    public Reencode frames(int from, int to) {
        first = from;
        end = to;
        return this;
    }

    public Path write(Path in, Path out, Edit edit) {
        ByteBuffer edited = edit == null ? null : ByteBuffer.allocateDirect(outWidth * outHeight * 3);
        try (FrameReader r = FrameReader.open(in, ReaderOptions.of(FrameFormat.of(PixelLayout.RGB24, readWidth,
                readHeight)));
             VideoWriter v = VideoWriter.create(out, WriterOptions.of(outWidth, outHeight, new Rational(25, 1))
                     .withTimeBase(r.timeBase()).withQuality(crf, "veryfast").withPixelAspect(pixelAspect)
                     .repeatably())) {
            long start = 0;
            for (int k = 0; k < end && r.next(); k++) {
                if (k < first) {
                    continue;
                }
                start = k == first ? r.pts() : start;
                ByteBuffer read = r.output(0).pixels();
                if (edit != null) {
                    edit.apply(read, edited);
                }
                v.write(edit == null ? read : edited, r.pts() - start);
            }
            v.finish();
        }
        return out;
    }
}
