package org.vidkompy.compose;

import java.nio.ByteBuffer;

/**
 * Where composited frames go: the video writer in production, a checksum or a frame store in
 * tests that look at the pixels before the encoder touches them.
 */
public interface FrameSink extends AutoCloseable {

    /** One packed RGB24 frame at bg size, shown from {@code pts} (fg time base, 0 = first frame). */
    void write(ByteBuffer rgb, long pts);

    /** Publishes the result; {@code lastFrameDuration} ≤ 0 lets the sink choose. */
    void finish(long lastFrameDuration);

    /** Releases everything; without a successful {@link #finish} the output must not exist. */
    @Override
    void close();
}
