package org.vidkompy.ofx.effect;

import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.RectI;

/**
 * Draws one output frame. Implementations must be thread-safe (renders run concurrently) and
 * write only inside {@code window}. The engine's compositor replaces the simple one later.
 */
public interface FrameCompositor {
    /**
     * @param foreground  the Source image at render scale
     * @param background  the Background image at render scale, or null for a passthrough of the foreground
     * @param output      the Output image
     * @param window      pixels to write (render scale)
     * @param placement   where the foreground goes; null when {@code background} is null
     * @param renderScale {sx, sy}
     */
    void composite(ImageView foreground, ImageView background, ImageView output, RectI window, Placement placement,
            double[] renderScale);
}
