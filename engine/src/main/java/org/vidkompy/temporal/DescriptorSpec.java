package org.vidkompy.temporal;

import java.util.Objects;

/**
 * What the decoder must deliver per frame and how it is reduced to a descriptor.
 *
 * <p>Every fg frame is fed as a {@code thumbWidth x thumbHeight} gray thumbnail of the fg content
 * area, every bg frame as a thumbnail of the same size of the bg region under the fg (cropped and
 * scaled to the fg footprint), both area-averaged (swscale {@code SWS_AREA}) straight from the decoder.
 * Both sequences must use the same spec, mask included, so cell {@code k} of an fg descriptor and of
 * a bg descriptor always cover the same picture area.
 *
 * <p>Why 32x32: the DCT hash needs 32x32 to keep its 8x8 low-frequency block meaningful, and area
 * averaging down to 32x32 already suppresses compression noise and small spatial misregistration.
 * The compared vector is the thumbnail binned to a {@code gridWidth x gridHeight} grid (16x16 by
 * default): 256 signed bytes per frame keep an hour at 60 fps in 55 MB per input, and the 2x2 binning
 * halves the noise while still resolving the few-pixel motion that tells neighbouring frames apart
 * (measured in {@code TemporalAccuracyTest}). The aspect ratio of the footprint need not be kept:
 * fg and bg are squeezed alike.
 *
 * @param flatStd cells whose standard deviation (0..255 scale) is below this carry no picture
 *                information (black, flat or fully faded frames)
 */
public record DescriptorSpec(int thumbWidth, int thumbHeight, int gridWidth, int gridHeight, ThumbMask mask,
                             float flatStd) {

    public static final int THUMB_WIDTH = 32;
    public static final int THUMB_HEIGHT = 32;
    public static final int GRID_WIDTH = 16;
    public static final int GRID_HEIGHT = 16;
    public static final float FLAT_STD = 1.5f;

    public DescriptorSpec {
        Objects.requireNonNull(mask, "mask");
        if (thumbWidth < 8 || thumbHeight < 8) {
            throw new IllegalArgumentException("thumbnail must be at least 8x8, is " + thumbWidth + "x" + thumbHeight);
        }
        if (gridWidth <= 0 || gridHeight <= 0 || thumbWidth % gridWidth != 0 || thumbHeight % gridHeight != 0) {
            throw new IllegalArgumentException("grid " + gridWidth + "x" + gridHeight
                    + " must divide thumbnail " + thumbWidth + "x" + thumbHeight);
        }
        if (mask.width() != thumbWidth || mask.height() != thumbHeight) {
            throw new IllegalArgumentException("mask " + mask + " does not match thumbnail " + thumbWidth + "x" + thumbHeight);
        }
        if (!(flatStd >= 0)) {
            throw new IllegalArgumentException("flatStd must be >= 0, is " + flatStd);
        }
    }

    /** The standard spec: 32x32 thumbnails, whole area compared. */
    public static DescriptorSpec standard() {
        return withMask(ThumbMask.all(THUMB_WIDTH, THUMB_HEIGHT));
    }

    /** The standard sizes with a content rectangle or border band mask (in 32x32 thumbnail pixels). */
    public static DescriptorSpec withMask(ThumbMask mask) {
        return new DescriptorSpec(THUMB_WIDTH, THUMB_HEIGHT, GRID_WIDTH, GRID_HEIGHT, mask, FLAT_STD);
    }

    public int cellWidth() {
        return thumbWidth / gridWidth;
    }

    public int cellHeight() {
        return thumbHeight / gridHeight;
    }
}
