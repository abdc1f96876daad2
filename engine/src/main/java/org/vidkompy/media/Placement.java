package org.vidkompy.media;

/**
 * Where the fg lies in the bg.
 *
 * @param x          left edge of the scaled fg in bg pixels (sub-pixel)
 * @param y          top edge of the scaled fg in bg pixels
 * @param scale      fg to bg factor: the fg is drawn {@code fgWidth * scale} wide
 * @param confidence ZNCC of fg and bg at this placement, -1..1
 */
public record Placement(double x, double y, double scale, double confidence) {
    /**
     * The scales a sidecar may name: a fg drawn at 1/64 to 64 times its size. Beyond that the picture
     * is a speck or a blur, and the resampling filter (as wide as 1/scale fg pixels) would not fit in
     * memory; the analysis never finds such a scale.
     */
    public static final double MIN_SCALE = 1.0 / 64;
    public static final double MAX_SCALE = 64;

    public static boolean usableScale(double scale) {
        return scale >= MIN_SCALE && scale <= MAX_SCALE;
    }
}
