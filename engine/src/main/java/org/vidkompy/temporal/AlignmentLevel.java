package org.vidkompy.temporal;

/**
 * One level of the coarse-to-fine pyramid: a unit of this level pools {@code fgFactor} fg frames and
 * {@code bgFactor} bg frames (not necessarily whole). The finest level has both factors 1.
 */
record AlignmentLevel(int fgFactor, double bgFactor) {

    boolean isFinest() {
        return fgFactor == 1 && bgFactor == 1.0;
    }

    /** Bg units per fg unit at this level. */
    double ratio(double bgPerFg) {
        return bgPerFg * fgFactor / bgFactor;
    }

    /** First bg frame of unit {@code k} (k may be negative or past the end: virtual units). */
    static long bgStart(int k, double bgFactor) {
        return Math.round(k * bgFactor);
    }
}
