package org.vidkompy.testkit;

import java.util.Random;

/** Gaussian blobs of random place, size and contrast added to a picture: detail at many scales. */
final class SoftBlobs {

    private SoftBlobs() {
    }

    /**
     * Adds {@code count} blobs to {@code c} ({@code width} wide), each of radius {@code minRadius} plus up
     * to {@code radiusRange}, and contrast {@code amplitude} times a uniform draw less {@code bias}.
     */
    static void add(double[] c, int width, int height, Random r, int count, double minRadius,
                    double radiusRange, double amplitude, double bias) {
        for (int b = 0; b < count; b++) {
            double cx = r.nextDouble() * width;
            double cy = r.nextDouble() * height;
            double radius = minRadius + r.nextDouble() * radiusRange;
            double amp = (r.nextDouble() - bias) * amplitude;
            int reach = (int) (3 * radius);
            for (int y = Math.max(0, (int) cy - reach); y < Math.min(height, (int) cy + reach); y++) {
                for (int x = Math.max(0, (int) cx - reach); x < Math.min(width, (int) cx + reach); x++) {
                    double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (radius * radius);
                    c[y * width + x] += amp * Math.exp(-d2);
                }
            }
        }
    }
}
