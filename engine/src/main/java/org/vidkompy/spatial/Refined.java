package org.vidkompy.spatial;

import java.util.List;

/** A refined placement with the ZNCC each refined pair reaches there. */
record Refined(ContentPlacement placement, List<SamplePair> pairs, double[] zncc) {

    double best() {
        double b = -1;
        for (double z : zncc) {
            b = Math.max(b, z);
        }
        return b;
    }
}
