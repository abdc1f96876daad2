package org.vidkompy.align;

import java.util.List;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.io.CropRect;

/**
 * Frames of one clip as the analysis needs them: a few full-resolution samples, then one in-order
 * scan of every frame as small thumbnails of a region, during which chosen frames can be captured
 * whole. Files are read through FFmpeg ({@link FfmpegClipSource}); the OpenFX plugin reads its host's
 * clips instead.
 */
public interface ClipSource extends AutoCloseable {

    ClipInfo info();

    /**
     * About {@code count} full-resolution luma frames spread over the clip. Which frames exactly is
     * the source's choice (near key frames for files, where decoding is cheap).
     */
    List<LumaImage> samples(int count);

    /**
     * Visits every frame in presentation order with luma thumbnails of {@code region} at each of
     * the requested sizes. The planes are reused between calls.
     */
    void scan(CropRect region, List<ThumbSize> sizes, FrameVisitor visitor);

    @Override
    void close();

    /** A thumbnail size in pixels. */
    record ThumbSize(int width, int height) {
    }

    /** What a scan hands out per frame. */
    @FunctionalInterface
    interface FrameVisitor {
        /**
         * @param whole grabs the whole current frame at full resolution; only valid during this call
         */
        void frame(int index, double timestamp, Plane[] thumbnails, Capture whole);
    }

    /** Full-resolution luma of the frame being visited, converted only if asked for. */
    @FunctionalInterface
    interface Capture {
        LumaImage grab();
    }
}
