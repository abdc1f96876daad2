package org.vidkompy.compose;

import java.nio.ByteBuffer;
import org.vidkompy.io.PixelLayout;

/**
 * Where composited frames go: the video writer in production, a checksum or a frame store in
 * tests that look at the pixels before the encoder touches them.
 */
public interface FrameSink extends AutoCloseable {

    /**
     * The layout frames arrive in: packed RGB24 unless the sink asks for {@link PixelLayout#YUV420P}
     * (the encoder does), in which case the render composites in YUV 4:2:0 without touching RGB.
     */
    default PixelLayout layout() {
        return PixelLayout.RGB24;
    }

    /** One frame in {@link #layout()} at bg size, shown from {@code pts} (fg time base, 0 = first frame). */
    void write(ByteBuffer pixels, long pts);

    /** Publishes the result; {@code lastFrameDuration} ≤ 0 lets the sink choose. */
    void finish(long lastFrameDuration);

    /** Releases everything; without a successful {@link #finish} the output must not exist. */
    @Override
    void close();
}
