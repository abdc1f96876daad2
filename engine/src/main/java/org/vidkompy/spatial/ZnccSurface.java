package org.vidkompy.spatial;

/**
 * Zero-mean normalised cross-correlation of one template against one image, for every placement of
 * the template fully inside the image: {@code values[py * width + px]} is the ZNCC with the template's
 * top-left pixel on image pixel (px, py). Values lie in [-1, 1]; placements over image windows too
 * flat to normalise read 0.
 *
 * <p>Correlators may hand the same array to successive visits, so a visitor must copy what it keeps.
 */
public record ZnccSurface(int width, int height, float[] values) {

    public float at(int px, int py) {
        return values[py * width + px];
    }
}
