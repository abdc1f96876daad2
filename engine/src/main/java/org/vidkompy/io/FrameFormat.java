package org.vidkompy.io;

import org.vidkompy.image.PixelRect;

/**
 * One output of a {@link FrameReader}: every decoded frame is converted by swscale straight from
 * the decoder's format to this layout and size, optionally from a crop of the picture only.
 * Analysis wants small GRAY8 thumbnails; composition wants full-size RGB24/RGBA.
 */
public record FrameFormat(PixelLayout layout, int width, int height, PixelRect crop) {

    public FrameFormat {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("output size must be positive: " + width + "x" + height);
        }
    }

    public static FrameFormat of(PixelLayout layout, int width, int height) {
        return new FrameFormat(layout, width, height, null);
    }
}
