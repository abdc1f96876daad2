package org.vidkompy.ofx.effect;

import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.RectI;

/**
 * Draws one output frame: the foreground placed over the background. The implementation is the
 * engine's compositor ({@code org.vidkompy.ofx.engine.OverlayRenderer}, bound in {@code OfxModule});
 * each effect instance gets its own (it keeps compositors for reuse) and closes it. Safe to call from
 * several render threads at once.
 */
public interface OfxRenderer extends AutoCloseable {

    /**
     * Draws {@code fg} placed by {@code overlay} over {@code bg} (null: transparent) into {@code out},
     * inside {@code window} only, at {@code renderScale} {sx, sy}.
     */
    void render(ImageView fg, ImageView bg, ImageView out, RectI window, Overlay overlay, double[] renderScale);

    /** Releases what the renderer keeps. */
    @Override
    void close();
}
