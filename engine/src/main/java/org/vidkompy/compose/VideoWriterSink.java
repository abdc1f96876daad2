package org.vidkompy.compose;

import java.nio.ByteBuffer;
import org.vidkompy.io.VideoWriter;

/** Frames into an H.264 MP4 via {@link VideoWriter}, which publishes the file only on finish. */
final class VideoWriterSink implements FrameSink {

    private final VideoWriter writer;

    VideoWriterSink(VideoWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(ByteBuffer rgb, long pts) {
        writer.write(rgb, pts);
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
