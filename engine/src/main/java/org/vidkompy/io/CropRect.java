package org.vidkompy.io;

/** A rectangle of the decoded picture, in its pixels. */
public record CropRect(int x, int y, int width, int height) {
    public CropRect {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad crop " + width + "x" + height + "+" + x + "+" + y);
        }
    }
}
