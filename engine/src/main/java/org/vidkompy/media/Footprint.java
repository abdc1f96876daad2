package org.vidkompy.media;

import org.vidkompy.image.PixelRect;

/**
 * The fg's content (letterbox bars left out) in bg pixels: the area of the bg that the analysis
 * compares with the fg. The one place that maps fg content to bg coordinates, so the placement's
 * search, the time alignment's cuts and the final placement's crops all agree on it.
 *
 * <p>Unclipped as {@link #of made}: a footprint may reach outside the bg (a fg larger than the bg,
 * a placement partly off frame); {@link #clippedTo} trims it to the frame.
 *
 * @param x      left edge in bg pixels (sub-pixel)
 * @param y      top edge in bg pixels
 * @param width  width in bg pixels: the content's width times the scale
 * @param height height in bg pixels
 */
public record Footprint(double x, double y, double width, double height) {

    /** The content {@code box} of a fg whose whole frame has its top-left at (fgX, fgY), drawn {@code scale} times. */
    public static Footprint of(double fgX, double fgY, double scale, PixelRect box) {
        return new Footprint(fgX + box.x() * scale, fgY + box.y() * scale, box.width() * scale, box.height() * scale);
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    /** The same area in a picture {@code fx} times narrower and {@code fy} times lower (a thumbnail of the bg). */
    public Footprint shrunk(double fx, double fy) {
        return new Footprint(x / fx, y / fy, width / fx, height / fy);
    }

    /** {@code margin} pixels more on every side. */
    public Footprint grown(double margin) {
        return new Footprint(x - margin, y - margin, width + 2 * margin, height + 2 * margin);
    }

    /**
     * The part inside a {@code frameWidth x frameHeight} frame.
     *
     * @throws IllegalArgumentException when less than 2 pixels of it are inside, either way
     */
    public Footprint clippedTo(int frameWidth, int frameHeight) {
        double x0 = Math.max(0, x);
        double y0 = Math.max(0, y);
        double x1 = Math.min(frameWidth, right());
        double y1 = Math.min(frameHeight, bottom());
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            throw new IllegalArgumentException("the fg does not overlap the bg");
        }
        return new Footprint(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * Whole pixels, edges rounded to the nearest: at thumbnail size a half-pixel rounding vanishes.
     * At least one pixel each way. The footprint must not reach left of or above 0.
     */
    public PixelRect rounded() {
        int ix0 = (int) Math.round(x);
        int iy0 = (int) Math.round(y);
        int ix1 = Math.max(ix0 + 1, (int) Math.round(right()));
        int iy1 = Math.max(iy0 + 1, (int) Math.round(bottom()));
        return new PixelRect(ix0, iy0, ix1 - ix0, iy1 - iy0);
    }

    /** The whole pixels it touches (edges rounded outwards). The footprint must not reach left of or above 0. */
    public PixelRect enclosing() {
        int ix0 = (int) Math.floor(x);
        int iy0 = (int) Math.floor(y);
        int ix1 = Math.max(ix0 + 1, (int) Math.ceil(right()));
        int iy1 = Math.max(iy0 + 1, (int) Math.ceil(bottom()));
        return new PixelRect(ix0, iy0, ix1 - ix0, iy1 - iy0);
    }

    /** How far {@code other}'s left or right edge lies from this one's, whichever is further, in bg pixels. */
    public double edgeShiftX(Footprint other) {
        return Math.max(Math.abs(x - other.x), Math.abs(x + width - other.x - other.width));
    }

    /** How far {@code other}'s top or bottom edge lies from this one's, whichever is further. */
    public double edgeShiftY(Footprint other) {
        return Math.max(Math.abs(y - other.y), Math.abs(y + height - other.y - other.height));
    }
}
