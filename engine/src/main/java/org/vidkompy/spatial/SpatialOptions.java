package org.vidkompy.spatial;

import org.vidkompy.image.PixelRect;

/**
 * How {@link SpatialAligner#locate} searches.
 *
 * @param unscaled      prefer scale 1: keep it unless a different scale is clearly better (see
 *                      {@link UnscaledPreference}); when false the best scale wins outright. Ignored when
 *                      the fg content does not fit the bg at scale 1.
 * @param precision     0..4, see {@link PrecisionPreset}; 2 is the default
 * @param shift         when not null, skip the search: the fg sits at this offset with scale 1
 * @param contentBox    the fg picture area without letterbox/pillarbox bars, in fg pixels; null means
 *                      detect it from the fg samples
 * @param minConfidence below this refined ZNCC the search fails with {@link NoMatchException}
 * @param maxSamples    when above the preset's counts, keep up to this many usable fg and bg samples
 *                      instead of thinning to the preset: a caller whose samples are not taken at
 *                      corresponding moments offers many so that some pairs do correspond
 */
public record SpatialOptions(boolean unscaled, int precision, Shift shift, PixelRect contentBox,
                             double minConfidence, int maxSamples) {

    /**
     * 0.5 is well above what unrelated pictures reach after full-resolution refinement (0.27 for two
     * different procedural scenes in this package's tests, where thumbnail peaks reach higher), and far
     * below what true matches keep after grading, noise σ=6-8 and blur (0.94 and up in the tests).
     */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    public static final int DEFAULT_PRECISION = 2;

    public SpatialOptions {
        if (precision < 0 || precision > PrecisionPreset.MAX_LEVEL) {
            throw new IllegalArgumentException("precision must be 0.." + PrecisionPreset.MAX_LEVEL + ": " + precision);
        }
        if (!(minConfidence >= -1 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [-1, 1]: " + minConfidence);
        }
    }

    public SpatialOptions(boolean unscaled, int precision, Shift shift, PixelRect contentBox, double minConfidence) {
        this(unscaled, precision, shift, contentBox, minConfidence, 0);
    }

    public static SpatialOptions defaults() {
        return new SpatialOptions(true, DEFAULT_PRECISION, null, null, DEFAULT_MIN_CONFIDENCE, 0);
    }

    public SpatialOptions withMaxSamples(int value) {
        return new SpatialOptions(unscaled, precision, shift, contentBox, minConfidence, value);
    }

    public SpatialOptions withUnscaled(boolean value) {
        return new SpatialOptions(value, precision, shift, contentBox, minConfidence, maxSamples);
    }

    public SpatialOptions withPrecision(int value) {
        return new SpatialOptions(unscaled, value, shift, contentBox, minConfidence, maxSamples);
    }

    /** x-shift / y-shift: the fg's top-left at (x, y) in bg pixels, scale 1, no search. */
    public SpatialOptions withShift(double x, double y) {
        return new SpatialOptions(unscaled, precision, new Shift(x, y), contentBox, minConfidence, maxSamples);
    }

    /** zero-shift: the fg's top-left on the bg's top-left, scale 1, no search. */
    public SpatialOptions withZeroShift() {
        return withShift(0, 0);
    }

    public SpatialOptions withContentBox(PixelRect value) {
        return new SpatialOptions(unscaled, precision, shift, value, minConfidence, maxSamples);
    }

    public SpatialOptions withMinConfidence(double value) {
        return new SpatialOptions(unscaled, precision, shift, contentBox, value, maxSamples);
    }

    /** A fixed fg offset in bg pixels. */
    public record Shift(double x, double y) {
    }
}
