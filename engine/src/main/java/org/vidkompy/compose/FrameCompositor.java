package org.vidkompy.compose;

import java.nio.ByteBuffer;
import org.vidkompy.io.PixelLayout;

/**
 * What the render pipeline composites with: an fg frame drawn in place into a canvas holding the
 * bg frame, both in {@link #layout()} ({@link Compositor} for RGB24, {@link YuvCompositor} for the
 * encoder's YUV 4:2:0).
 */
interface FrameCompositor extends AutoCloseable {

    OverlayGeometry geometry();

    PixelLayout layout();

    void composite(byte[] fg, ByteBuffer canvas);

    @Override
    void close();
}
