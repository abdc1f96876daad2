package org.vidkompy.compose;

import org.vidkompy.media.Alignment;

/**
 * Where the fg lands on the bg canvas. fg pixel (u, v) covers the bg area
 * [x + u*scale, x + (u+1)*scale) × [y + v*scale, y + (v+1)*scale): the fg's top-left corner is at
 * (x, y), not its first pixel centre, so there is no half-pixel shift between the two grids.
 *
 * @param x     left edge of the scaled fg in bg pixels (sub-pixel, may be negative)
 * @param y     top edge of the scaled fg in bg pixels
 * @param scale fg→bg factor
 */
public record OverlayGeometry(int bgWidth, int bgHeight, int fgWidth, int fgHeight, double x, double y,
                              double scale) {

    public OverlayGeometry {
        if (bgWidth <= 0 || bgHeight <= 0 || fgWidth <= 0 || fgHeight <= 0) {
            throw new IllegalArgumentException("sizes must be positive: bg " + bgWidth + "x" + bgHeight
                    + ", fg " + fgWidth + "x" + fgHeight);
        }
        if (!(scale > 0) || Double.isInfinite(scale) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("bad placement x=" + x + " y=" + y + " scale=" + scale);
        }
    }

    public static OverlayGeometry of(Alignment a) {
        return new OverlayGeometry(a.background().width(), a.background().height(), a.foreground().width(),
                a.foreground().height(), a.spatial().x(), a.spatial().y(), a.spatial().scale());
    }

    /** Right edge of the scaled fg in bg pixels (exclusive). */
    public double right() {
        return x + fgWidth * scale;
    }

    /** Bottom edge of the scaled fg in bg pixels (exclusive). */
    public double bottom() {
        return y + fgHeight * scale;
    }

    /** First bg column the fg touches at all, clipped to the canvas. */
    public int firstColumn() {
        return clamp((int) Math.floor(x), bgWidth);
    }

    /** One past the last bg column the fg touches, clipped to the canvas. */
    public int endColumn() {
        return clamp((int) Math.ceil(right()), bgWidth);
    }

    public int firstRow() {
        return clamp((int) Math.floor(y), bgHeight);
    }

    public int endRow() {
        return clamp((int) Math.ceil(bottom()), bgHeight);
    }

    /** Whether any part of the fg lies on the canvas. */
    public boolean visible() {
        return endColumn() > firstColumn() && endRow() > firstRow();
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }
}
