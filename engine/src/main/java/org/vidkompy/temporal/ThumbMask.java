package org.vidkompy.temporal;

import java.util.Arrays;

/**
 * Which thumbnail pixels carry comparable picture content. Pixels outside the mask (letterbox bars,
 * or the fg interior in border mode) take no part in any descriptor, for fg and bg alike.
 *
 * <p>Immutable: the array is copied in and never handed out.
 */
public final class ThumbMask {

    private final int width;
    private final int height;
    private final boolean[] on;
    private final int count;

    private ThumbMask(int width, int height, boolean[] on) {
        if (width <= 0 || height <= 0 || on.length != width * height) {
            throw new IllegalArgumentException("mask " + width + "x" + height + " with " + on.length + " values");
        }
        this.width = width;
        this.height = height;
        this.on = on;
        int c = 0;
        for (boolean b : on) {
            c += b ? 1 : 0;
        }
        if (c == 0) {
            throw new IllegalArgumentException("mask " + width + "x" + height + " selects no pixel");
        }
        this.count = c;
    }

    /** Every pixel counts. */
    public static ThumbMask all(int width, int height) {
        boolean[] on = new boolean[width * height];
        Arrays.fill(on, true);
        return new ThumbMask(width, height, on);
    }

    /** Only the content rectangle counts (letterboxed or pillarboxed fg: the bars are left out). */
    public static ThumbMask content(int width, int height, int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException(
                    "content rectangle " + x + "," + y + " " + w + "x" + h + " outside " + width + "x" + height);
        }
        boolean[] on = new boolean[width * height];
        for (int v = y; v < y + h; v++) {
            Arrays.fill(on, v * width + x, v * width + x + w, true);
        }
        return new ThumbMask(width, height, on);
    }

    /**
     * Border mode: only a band {@code band} pixels wide inside the thumbnail edges counts, because in
     * such footage only the bg around the fg edges is comparable.
     */
    public static ThumbMask border(int width, int height, int band) {
        if (band <= 0 || 2 * band >= Math.min(width, height)) {
            throw new IllegalArgumentException("border band " + band + " does not fit " + width + "x" + height);
        }
        boolean[] on = new boolean[width * height];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                on[v * width + u] = u < band || v < band || u >= width - band || v >= height - band;
            }
        }
        return new ThumbMask(width, height, on);
    }

    /** An arbitrary caller-made mask, row-major; copied. */
    public static ThumbMask of(int width, int height, boolean[] on) {
        return new ThumbMask(width, height, on.clone());
    }

    /** Pixels selected by both masks (content rectangle combined with a border band). */
    public ThumbMask and(ThumbMask other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("masks differ in size");
        }
        boolean[] both = new boolean[on.length];
        for (int i = 0; i < on.length; i++) {
            both[i] = on[i] && other.on[i];
        }
        return new ThumbMask(width, height, both);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isOn(int x, int y) {
        return on[y * width + x];
    }

    public boolean isOn(int index) {
        return on[index];
    }

    /** Number of selected pixels. */
    public int count() {
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThumbMask m && m.width == width && m.height == height && Arrays.equals(m.on, on);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(on);
    }

    @Override
    public String toString() {
        return "ThumbMask[" + width + "x" + height + ", " + count + " on]";
    }
}
