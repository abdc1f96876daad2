package org.vidkompy.ofx.effect;

import org.vidkompy.media.Placement;

/**
 * What one output frame draws: the engine's {@link Placement} as the controls give it at that time
 * (no confidence: NaN), plus what only the host has.
 *
 * @param placement  the fg's top-left corner in bg pixels (y down) and its scale
 * @param feather    soft edge width in background pixels, like {@code vidkompy render --margin} (0: hard edge)
 * @param foreground the foreground clip's region of definition {x1, y1, x2, y2} (canonical, y up)
 * @param background the background's region of definition (canonical, y up)
 */
public record Overlay(Placement placement, double feather, double[] foreground, double[] background) {

    /** The placement the user's controls give (x, y down, scale); controls carry no confidence. */
    public static Placement controls(double x, double y, double scale) {
        return new Placement(x, y, scale, Double.NaN);
    }
}
