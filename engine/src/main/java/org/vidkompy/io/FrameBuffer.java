package org.vidkompy.io;

import java.nio.ByteBuffer;
import org.vidkompy.image.Plane;

/**
 * Packed pixels of the current frame for one {@link FrameFormat}, in native memory that the
 * reader reuses for every frame: copy out what must outlive the next {@link FrameReader#next()}.
 */
public final class FrameBuffer {

    private final FrameFormat format;
    private final ByteBuffer pixels;
    /** The frame's bytes on the heap for {@link #toPlane}; one per buffer, as the buffer is reused per frame. */
    private byte[] scratch;

    FrameBuffer(FrameFormat format, ByteBuffer pixels) {
        this.format = format;
        this.pixels = pixels;
    }

    public FrameFormat format() {
        return format;
    }

    public int width() {
        return format.width();
    }

    public int height() {
        return format.height();
    }

    public int channels() {
        return format.layout().channels();
    }

    /**
     * Row stride is {@code width * channels}; position 0 is the top-left pixel. For
     * {@link PixelLayout#YUV420P} the planes follow each other, see there.
     */
    public ByteBuffer pixels() {
        return pixels.duplicate().clear();
    }

    /** Bytes of the frame: {@code width * height * channels}, or the three planes of YUV 4:2:0. */
    public int bytes() {
        return format.layout().bytes(width(), height());
    }

    public void copyTo(byte[] dst) {
        pixels.duplicate().clear().get(dst, 0, bytes());
    }

    /** Luma (or the only channel) as floats 0..255 into {@code dst}, which must match the size. */
    public void toPlane(Plane dst) {
        int n = width() * height();
        if (dst.width() != width() || dst.height() != height()) {
            throw new IllegalArgumentException("plane " + dst.width() + "x" + dst.height()
                    + " does not match frame " + width() + "x" + height());
        }
        float[] out = dst.data();
        ByteBuffer b = pixels;
        int ch = channels();
        if (ch == 1) {
            // One bulk copy out of native memory, then a plain array loop: reading the buffer byte
            // by byte cost more than the conversion itself.
            if (scratch == null) {
                scratch = new byte[n];
            }
            b.duplicate().clear().get(scratch, 0, n);
            byte[] s = scratch;
            for (int i = 0; i < n; i++) {
                out[i] = s[i] & 0xff;
            }
        } else {
            for (int i = 0, p = 0; i < n; i++, p += ch) {
                out[i] = 0.299f * (b.get(p) & 0xff) + 0.587f * (b.get(p + 1) & 0xff)
                        + 0.114f * (b.get(p + 2) & 0xff);
            }
        }
    }
}
