package org.vidkompy.image;

/**
 * An 8-bit luma picture kept compactly (a quarter of a float {@link Plane}) until it is analysed.
 */
public record LumaImage(int width, int height, byte[] pixels) {

    public LumaImage {
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("luma image needs " + width * height + " bytes");
        }
    }

    public Plane toPlane() {
        Plane p = Plane.allocate(width, height);
        float[] d = p.data();
        for (int i = 0; i < width * height; i++) {
            d[i] = pixels[i] & 0xff;
        }
        return p;
    }

    /** The picture shrunk by {@code factor} (≥ 1) with area averaging, as a plane. */
    public Plane toPlane(double factor) {
        Plane full = toPlane();
        return factor <= 1.0 + 1e-9 ? full : Resampler.shrink(full, factor);
    }
}
