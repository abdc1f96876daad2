package org.vidkompy.ofx.image;

import com.sun.jna.Pointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Zero-copy RGBA view of pixel memory laid out the OpenFX way: {@code data} points at pixel
 * (bounds.x1, bounds.y1), the bottom-left one; rows go upwards by {@code rowBytes}, which may be
 * negative (rows stored top-down) and may include padding. Values read and written are nominal
 * floats (0..1 is black..white; float images are not clamped, integer ones are on write).
 *
 * <p>The view wraps the memory as a direct {@link ByteBuffer}; nothing is copied. It is valid only
 * while the host image it came from is held. Reads and writes of distinct pixels from several
 * threads are safe (absolute buffer accesses only).
 */
public final class ImageView {
    private final ByteBuffer buffer;
    private final RectI bounds;
    private final PixelDepth depth;
    private final long rowBytes;
    private final long origin; // byte offset of (x1, y1) inside buffer

    private ImageView(ByteBuffer buffer, long origin, RectI bounds, long rowBytes, PixelDepth depth) {
        this.buffer = buffer.order(ByteOrder.nativeOrder());
        this.origin = origin;
        this.bounds = bounds;
        this.rowBytes = rowBytes;
        this.depth = depth;
    }

    /**
     * Wraps host memory; {@code data} addresses pixel (bounds.x1, bounds.y1). An empty image (0x0,
     * as some hosts hand out for a region they have nothing in) may have NULL data.
     */
    public static ImageView wrap(Pointer data, RectI bounds, int rowBytes, PixelDepth depth) {
        if (bounds.isEmpty()) {
            return new ImageView(ByteBuffer.allocateDirect(0), 0, bounds, rowBytes, depth);
        }
        Objects.requireNonNull(data, "image data");
        int h = bounds.height();
        long rowSpan = (long) bounds.width() * depth.pixelBytes();
        if (Math.abs((long) rowBytes) < rowSpan) {
            throw new IllegalArgumentException("row bytes " + rowBytes + " shorter than a row of " + rowSpan);
        }
        if (h == 0 || bounds.width() == 0) {
            return new ImageView(ByteBuffer.allocateDirect(0), 0, bounds, rowBytes, depth);
        }
        long lowest = rowBytes >= 0 ? 0 : (long) rowBytes * (h - 1); // byte offset of the lowest row in memory
        long length = Math.abs((long) rowBytes) * (h - 1) + rowSpan;
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image larger than 2 GiB");
        }
        ByteBuffer buffer = data.getByteBuffer(lowest, length);
        return new ImageView(buffer, -lowest, bounds, rowBytes, depth);
    }

    /** For tests and scratch images: a view over a Java-owned direct buffer. */
    public static ImageView wrap(ByteBuffer buffer, long originOffset, RectI bounds, int rowBytes, PixelDepth depth) {
        return new ImageView(buffer, originOffset, bounds, rowBytes, depth);
    }

    public RectI bounds() {
        return bounds;
    }

    public PixelDepth depth() {
        return depth;
    }

    public long rowBytes() {
        return rowBytes;
    }

    public boolean contains(int x, int y) {
        return x >= bounds.x1() && x < bounds.x2() && y >= bounds.y1() && y < bounds.y2();
    }

    private int offset(int x, int y, int c) {
        return (int) (origin + (long) (y - bounds.y1()) * rowBytes
                + (long) (x - bounds.x1()) * depth.pixelBytes() + (long) c * depth.componentBytes());
    }

    /** Component c (0=R..3=A) of pixel (x, y), nominal float. */
    public float get(int x, int y, int c) {
        int at = offset(x, y, c);
        return switch (depth) {
            case BYTE -> (buffer.get(at) & 0xff) / 255f;
            case SHORT -> (buffer.getShort(at) & 0xffff) / 65535f;
            case FLOAT -> buffer.getFloat(at);
        };
    }

    /** Reads RGBA of (x, y) into {@code out[0..3]}. */
    public void getPixel(int x, int y, float[] out) {
        for (int c = 0; c < 4; c++) {
            out[c] = get(x, y, c);
        }
    }

    public void set(int x, int y, int c, float v) {
        int at = offset(x, y, c);
        switch (depth) {
            case BYTE -> buffer.put(at, (byte) Math.round(clamp01(v) * 255f));
            case SHORT -> buffer.putShort(at, (short) Math.round(clamp01(v) * 65535f));
            case FLOAT -> buffer.putFloat(at, v);
        }
    }

    /**
     * Component c of (x, y) on the 8-bit scale: the stored byte for 8-bit images, otherwise the
     * nominal value times 255, rounded and clamped to 0..255.
     */
    public int get8(int x, int y, int c) {
        int at = offset(x, y, c);
        return switch (depth) {
            case BYTE -> buffer.get(at) & 0xff;
            case SHORT -> ((buffer.getShort(at) & 0xffff) * 255 + 32767) / 65535;
            case FLOAT -> to8(buffer.getFloat(at));
        };
    }

    /** Stores an 8-bit value: exactly for 8-bit images, as v/255 (16-bit: v*257) otherwise. */
    public void set8(int x, int y, int c, int v) {
        int at = offset(x, y, c);
        switch (depth) {
            case BYTE -> buffer.put(at, (byte) v);
            case SHORT -> buffer.putShort(at, (short) (v * 257));
            case FLOAT -> buffer.putFloat(at, v / 255f);
        }
    }

    /** Copies pixel (x, y) of {@code from} (same depth) to (x, y) of this image, bit for bit. */
    public void copyPixel(ImageView from, int x, int y) {
        if (from.depth != depth) {
            float[] px = new float[4];
            from.getPixel(x, y, px);
            setPixel(x, y, px);
            return;
        }
        int src = from.offset(x, y, 0);
        int dst = offset(x, y, 0);
        for (int i = 0; i < depth.pixelBytes(); i++) {
            buffer.put(dst + i, from.buffer.get(src + i));
        }
    }

    /** Makes pixel (x, y) transparent black. */
    public void clear(int x, int y) {
        for (int c = 0; c < 4; c++) {
            set8(x, y, c, 0);
        }
    }

    /**
     * Copies {@code from} (null: none) into this image inside {@code window}; transparent where it
     * has no pixels. What a pass-through renders.
     */
    public void copyFrom(ImageView from, RectI window) {
        RectI area = window.intersect(bounds());
        for (int y = area.y1(); y < area.y2(); y++) {
            for (int x = area.x1(); x < area.x2(); x++) {
                if (from != null && from.contains(x, y)) {
                    copyPixel(from, x, y);
                } else {
                    clear(x, y);
                }
            }
        }
    }

    private static int to8(float v) {
        if (!(v > 0f)) {
            return 0; // negative and NaN
        }
        return v >= 1f ? 255 : (int) (v * 255f + 0.5f);
    }

    public void setPixel(int x, int y, float[] rgba) {
        for (int c = 0; c < 4; c++) {
            set(x, y, c, rgba[c]);
        }
    }

    private static float clamp01(float v) {
        return v < 0f ? 0f : (v > 1f ? 1f : (Float.isNaN(v) ? 0f : v));
    }
}
