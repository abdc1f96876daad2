package org.vidkompy.align;

import java.util.List;
import org.vidkompy.image.Plane;
import org.vidkompy.io.CropRect;

/**
 * Frames of one clip as the analysis needs them: a few full-resolution samples for the spatial
 * search, then one in-order scan of every frame as small thumbnails of a region. Files are read
 * through FFmpeg ({@link FfmpegClipSource}); the OpenFX plugin reads its host's clips instead.
 */
public interface ClipSource extends AutoCloseable {

    ClipInfo info();

    /**
     * About {@code count} luma frames at full resolution spread over the clip. Which frames exactly
     * is the source's choice (near key frames for files, where decoding is cheap).
     */
    List<Plane> samples(int count);

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
        void frame(int index, double timestamp, Plane[] thumbnails);
    }
}
