package org.vidkompy.io;

import java.nio.ByteBuffer;

/**
 * Pads packed pictures of odd width or height to even sizes by repeating the last column and row:
 * H.264 in 4:2:0 (what every player takes) needs even sizes. Padding rather than cropping keeps
 * every input pixel; the one repeated row or column is all that is added.
 */
public final class EvenPadding {

    private final int width;
    private final int height;
    private final int channels;
    private final ByteBuffer padded;

    EvenPadding(int width, int height, int channels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.padded = needed(width, height)
                ? ByteBuffer.allocateDirect(even(width) * even(height) * channels) : null;
    }

    /** The next even number at or above {@code n}. */
    public static int even(int n) {
        return n + (n & 1);
    }

    public static boolean needed(int width, int height) {
        return (width & 1) != 0 || (height & 1) != 0;
    }

    /** {@code src} itself when the size is even, otherwise the padded copy (reused for every frame). */
    ByteBuffer pad(ByteBuffer src) {
        if (padded == null) {
            return src;
        }
        int row = width * channels;
        int paddedRow = even(width) * channels;
        for (int y = 0; y < height; y++) {
            padded.put(y * paddedRow, src, y * row, row);
            if ((width & 1) != 0) {
                padded.put(y * paddedRow + row, src, y * row + row - channels, channels);
            }
        }
        if ((height & 1) != 0) {
            padded.put(height * paddedRow, padded, (height - 1) * paddedRow, paddedRow);
        }
        return padded;
    }
}
