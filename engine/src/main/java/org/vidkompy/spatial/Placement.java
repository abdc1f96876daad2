package org.vidkompy.spatial;

/** Top-left of the fg content (bars excluded) in bg pixels, and the fg→bg scale. */
record Placement(double x, double y, double scale) {
}
