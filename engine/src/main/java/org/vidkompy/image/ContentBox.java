package org.vidkompy.image;

/**
 * The part of a frame that carries picture, in that frame's pixels: columns {@code [x, x+width)},
 * rows {@code [y, y+height)}. Everything outside is letterbox or pillarbox bars.
 */
public record ContentBox(int x, int y, int width, int height) {

    public ContentBox {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad content box " + x + "," + y + " " + width + "x" + height);
        }
    }

    public static ContentBox full(int width, int height) {
        return new ContentBox(0, 0, width, height);
    }

    public boolean fits(int frameWidth, int frameHeight) {
        return x + width <= frameWidth && y + height <= frameHeight;
    }

    public boolean isFull(int frameWidth, int frameHeight) {
        return x == 0 && y == 0 && width == frameWidth && height == frameHeight;
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
