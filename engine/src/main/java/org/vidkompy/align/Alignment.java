package org.vidkompy.align;

import java.util.List;

/**
 * Where the fg sits in the bg and which bg frame lies under every fg frame: the content of the
 * {@code vidkompy.alignment/1} sidecar that {@code analyze} writes and {@code comp}/{@code render}
 * read.
 */
public record Alignment(Clip background, Clip foreground, Placement spatial, Timing temporal) {

    public static final String SCHEMA = "vidkompy.alignment/1";

    /** A clip as the analysis saw it. */
    public record Clip(String path, int width, int height, double fps, long frames) {
    }

    /**
     * @param x          left edge of the scaled fg in bg pixels (sub-pixel)
     * @param y          top edge of the scaled fg in bg pixels
     * @param scale      fg→bg factor: the fg is drawn {@code fgWidth*scale} wide
     * @param confidence ZNCC of fg and bg at this placement, -1..1
     */
    public record Placement(double x, double y, double scale, double confidence) {
        /**
         * The scales a sidecar may name: a fg drawn at 1/64 to 64 times its size. Beyond that the picture
         * is a speck or a blur, and the resampling filter (as wide as 1/scale fg pixels) would not fit in
         * memory; the analysis never finds such a scale.
         */
        public static final double MIN_SCALE = 1.0 / 64;
        public static final double MAX_SCALE = 64;

        public static boolean usableScale(double scale) {
            return scale >= MIN_SCALE && scale <= MAX_SCALE;
        }
    }

    /**
     * @param map             bg frame index (0-based, presentation order) under every fg frame
     * @param frameConfidence 0..1 per fg frame
     * @param unmatched       fg frame ranges whose content was not found in the bg
     */
    public record Timing(double confidence, int[] map, float[] frameConfidence, List<FrameRange> unmatched) {
        public Timing {
            if (frameConfidence.length != map.length) {
                throw new IllegalArgumentException("map has " + map.length + " entries but frameConfidence "
                        + frameConfidence.length);
            }
            unmatched = List.copyOf(unmatched);
        }
    }

    /** Inclusive range of fg frame indices. */
    public record FrameRange(int first, int last) {
        public int length() {
            return last - first + 1;
        }
    }
}
