package org.vidkompy.align;

import org.vidkompy.spatial.SpatialOptions;

/**
 * Everything that changes the result of an analysis (and therefore its cache key).
 *
 * @param spatial the spatial search (precision, unscaled preference, fixed shift)
 * @param window  half-width in bg frames of the temporal search band at full rate; 0 = the default
 * @param border  border mode: compare only a band this many fg pixels wide inside the fg edges;
 *                0 = compare the whole fg picture
 */
public record AnalysisOptions(SpatialOptions spatial, int window, int border) {

    public AnalysisOptions {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0: " + window);
        }
        if (border < 0) {
            throw new IllegalArgumentException("border must be >= 0: " + border);
        }
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(SpatialOptions.defaults(), 0, 0);
    }

    /** A stable text form for cache keys; changes whenever a result-changing option does. */
    public String canonical() {
        SpatialOptions s = spatial;
        return "unscaled=" + s.unscaled() + ";precision=" + s.precision()
                + ";shift=" + (s.shift() == null ? "-" : s.shift().x() + "," + s.shift().y())
                + ";box=" + (s.contentBox() == null ? "auto" : s.contentBox().toString())
                + ";minConf=" + s.minConfidence() + ";window=" + window + ";border=" + border;
    }
}
