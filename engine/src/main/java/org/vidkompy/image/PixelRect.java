package org.vidkompy.image;

/**
 * A rectangle of a frame in its pixels: columns {@code [x, x+width)}, rows {@code [y, y+height)}.
 * The analysis uses it for the part of the fg that carries picture (letterbox and pillarbox bars
 * left out) and for the regions a reader crops before scaling.
 */
public record PixelRect(int x, int y, int width, int height) {

    public PixelRect {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad rectangle " + x + "," + y + " " + width + "x" + height);
        }
    }

    public static PixelRect full(int width, int height) {
        return new PixelRect(0, 0, width, height);
    }

    public boolean fits(int frameWidth, int frameHeight) {
        return x + width <= frameWidth && y + height <= frameHeight;
    }

    public boolean isFull(int frameWidth, int frameHeight) {
        return x == 0 && y == 0 && width == frameWidth && height == frameHeight;
    }

    /**
     * This rectangle in a picture shrunk by {@code factor} (≥ 1; pixel u covers the source's
     * {@code [u·factor, (u+1)·factor)}): the shrunk pixels wholly inside it, or null where none is.
     */
    public PixelRect shrunk(double factor) {
        int x0 = (int) Math.ceil(x / factor);
        int y0 = (int) Math.ceil(y / factor);
        int x1 = (int) Math.floor((x + width) / factor);
        int y1 = (int) Math.floor((y + height) / factor);
        return x1 > x0 && y1 > y0 ? new PixelRect(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /** Copies the box out of {@code frame} (the frame must contain it). */
    public Plane crop(Plane frame) {
        if (!fits(frame.width(), frame.height())) {
            throw new IllegalArgumentException(this + " does not fit a " + frame.width() + "x" + frame.height()
                    + " frame");
        }
        if (isFull(frame.width(), frame.height())) {
            return frame;
        }
        float[] out = new float[width * height];
        for (int r = 0; r < height; r++) {
            System.arraycopy(frame.data(), (y + r) * frame.width() + x, out, r * width, width);
        }
        return new Plane(width, height, out);
    }
}
