package org.vidkompy.spatial;

/** A local maximum of a ZNCC surface at sub-pixel position (x, y) in placement coordinates. */
record Peak(double x, double y, double value) {
}
