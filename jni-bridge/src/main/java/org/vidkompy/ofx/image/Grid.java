package org.vidkompy.ofx.image;

/**
 * A clip's pixel grid at a render scale: its left column, its top row (exclusive, y up) and its size
 * in pixels. The compositor draws on these grids; a Background file is read at this size.
 */
public record Grid(int left, int top, int width, int height) {

    /** The grid of a region of definition {x1, y1, x2, y2} (canonical, y up) at render scale (sx, sy). */
    public static Grid of(double[] rod, double sx, double sy) {
        int left = (int) Math.floor(rod[0] * sx + 1e-9);
        int bottom = (int) Math.floor(rod[1] * sy + 1e-9);
        int right = (int) Math.ceil(rod[2] * sx - 1e-9);
        int top = (int) Math.ceil(rod[3] * sy - 1e-9);
        return new Grid(left, top, Math.max(1, right - left), Math.max(1, top - bottom));
    }

    /** OFX row (y up) of grid row {@code row} (top row first). */
    public int y(int row) {
        return top - 1 - row;
    }
}
