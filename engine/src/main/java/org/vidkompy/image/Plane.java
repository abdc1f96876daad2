package org.vidkompy.image;

import java.util.Objects;

/**
 * A single-channel float image, row-major without padding, values normally on the 0..255 scale.
 *
 * <p>The array is shared, not copied: analysis code hands planes between stages without allocation,
 * so whoever owns a plane decides when it may be overwritten.
 */
public record Plane(int width, int height, float[] data) {

    public Plane {
        Objects.requireNonNull(data, "data");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("plane size must be positive: " + width + "x" + height);
        }
        if (data.length < width * height) {
            throw new IllegalArgumentException(
                    "plane data holds " + data.length + " values, needs " + width * height);
        }
    }

    public static Plane allocate(int width, int height) {
        return new Plane(width, height, new float[width * height]);
    }

    /** Mean of all samples, summed in double in storage order (the correlators' twins rely on the order). */
    public double mean() {
        double sum = 0;
        int n = width * height;
        for (int k = 0; k < n; k++) {
            sum += data[k];
        }
        return sum / n;
    }

    public float get(int x, int y) {
        return data[y * width + x];
    }

    public void set(int x, int y, float v) {
        data[y * width + x] = v;
    }
}
