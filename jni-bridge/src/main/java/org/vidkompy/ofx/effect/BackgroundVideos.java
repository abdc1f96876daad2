package org.vidkompy.ofx.effect;

import org.vidkompy.io.MediaException;
import org.vidkompy.io.MediaClip;
import org.vidkompy.ofx.image.ImageView;

/**
 * Background videos the effect reads itself (the Background file parameter). The implementation is
 * the engine's reader ({@code org.vidkompy.ofx.engine.BackgroundFiles}, bound in {@code OfxModule}),
 * one per process, shared by every instance.
 */
public interface BackgroundVideos {

    /** The video at {@code path}, or the reason it cannot be used (thrown as {@link MediaException}). */
    Video open(String path);

    /** Releases every decoder (videos stay known; frames reopen them on demand). */
    void release();

    /** One background video: its shape, and its frames by index at any output size. */
    interface Video {
        MediaClip info();

        default int width() {
            return info().width();
        }

        default int height() {
            return info().height();
        }

        /**
         * Frame {@code index} at {@code width x height}, as an 8-bit image with bounds (0, 0, width,
         * height) in OFX orientation (y up); null when the index is outside the video.
         */
        ImageView frame(int index, int width, int height);
    }
}
