package org.vidkompy.synth;

/**
 * A window onto the scene in background pixel coordinates: output pixel (u, v) covers the scene
 * square whose top-left corner is (x + u*scale, y + v*scale) and whose side is {@code scale}.
 * The background itself is the viewport (0, 0, 1, bgWidth, bgHeight); a foreground cut from it at
 * offset (x, y) with fg→bg factor s is (x, y, s, fgWidth, fgHeight).
 */
public record Viewport(double x, double y, double scale, int width, int height) {
    public Viewport {
        if (width <= 0 || height <= 0 || !(scale > 0)) {
            throw new IllegalArgumentException("bad viewport " + width + "x" + height + " scale " + scale);
        }
    }

    public static Viewport full(int width, int height) {
        return new Viewport(0, 0, 1, width, height);
    }
}
