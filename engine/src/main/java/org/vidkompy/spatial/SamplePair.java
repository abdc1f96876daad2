package org.vidkompy.spatial;

/** Indices of an fg sample and a bg sample compared with each other. */
record SamplePair(int fg, int bg) {
}
