package org.vidkompy.compose;

import java.nio.ByteBuffer;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.VideoWriter;

/**
 * Frames into an H.264 MP4 via {@link VideoWriter}, which publishes the file only on finish; it
 * takes YUV 4:2:0 (the writer must be opened for {@link PixelLayout#YUV420P} or
 * {@link PixelLayout#YUV420P10} input).
 */
final class VideoWriterSink implements FrameSink {

    private final VideoWriter writer;

    VideoWriterSink(VideoWriter writer) {
        this.writer = writer;
    }

    @Override
    public PixelLayout layout() {
        return writer.input();
    }

    @Override
    public void write(ByteBuffer pixels, long pts) {
        writer.write(pixels, pts);
    }

    @Override
    public void finish(long lastFrameDuration) {
        if (lastFrameDuration > 0) {
            writer.finish(lastFrameDuration);
        } else {
            writer.finish();
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
