package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * The scales tried by the coarse search: a geometric grid anchored at 1 (so scale 1 itself is always
 * tried when allowed), from the largest scale at which the fg content still fits in the bg (at most
 * {@link #MAX_SCALE}) down to an eighth of the fit capped at {@link #RANGE_ANCHOR}, plus the exact
 * fitting scale, which is what a fg that was scaled to fit will have.
 */
final class ScaleSweep {

    /** A small fg blown up 8x (a 40 px clip over 320 px of the bg) is the largest enlargement searched. */
    static final double MAX_SCALE = 8;
    /**
     * The low end is {@link #MAX_RANGE} below this many times the fit, not below {@link #MAX_SCALE}:
     * raising the top for blown-up fgs must not drop the half-size scales of an fg that fits 8x over.
     */
    static final double RANGE_ANCHOR = 4;
    /** Smallest fg footprint considered, relative to the largest that fits. */
    static final double MAX_RANGE = 8;

    List<Double> scales(double fit, double step) {
        double hi = Math.min(fit, MAX_SCALE);
        double lo = Math.min(fit, RANGE_ANCHOR) / MAX_RANGE;
        double logStep = Math.log(step);
        int first = (int) Math.ceil(Math.log(lo) / logStep - 1e-9);
        int last = (int) Math.floor(Math.log(hi) / logStep + 1e-9);
        List<Double> out = new ArrayList<>();
        for (int j = first; j <= last; j++) {
            out.add(j == 0 ? 1.0 : Math.pow(step, j));
        }
        if (out.isEmpty() || hi / out.get(out.size() - 1) > 1 + 1e-6) {
            out.add(hi);
        }
        return out;
    }
}
