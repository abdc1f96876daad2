package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * The scales tried by the coarse search: a geometric grid anchored at 1 (so scale 1 itself is always
 * tried when allowed), from the largest scale at which the fg content still fits in the bg down to an
 * eighth of it, plus the exact fitting scale, which is what a fg that was scaled to fit will have.
 */
final class ScaleSweep {

    /** Fg drawn more than 4x enlarged is not a use case; capping keeps the sweep short for tiny fgs. */
    static final double MAX_SCALE = 4;
    /** Smallest fg footprint considered, relative to the largest that fits. */
    static final double MAX_RANGE = 8;

    List<Double> scales(double fit, double step) {
        double hi = Math.min(fit, MAX_SCALE);
        double lo = hi / MAX_RANGE;
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
