package org.vidkompy.ofx.effect;

/**
 * Where the foreground goes for one frame, in canonical coordinates.
 *
 * @param x          foreground left edge inside the background, background pixels from its left edge
 * @param y          foreground top edge, background pixels down from the background's top edge
 * @param scale      foreground size multiplier
 * @param feather    soft edge width in background pixels, like {@code vidkompy render --margin} (0: hard edge)
 * @param foreground the foreground clip's region of definition {x1, y1, x2, y2} (canonical, y up)
 * @param background the background clip's region of definition (canonical, y up)
 */
public record Placement(double x, double y, double scale, double feather, double[] foreground, double[] background) {
}
