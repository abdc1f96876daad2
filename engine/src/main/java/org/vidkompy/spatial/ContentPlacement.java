package org.vidkompy.spatial;

/**
 * Top-left of the fg's content (letterbox bars excluded) in bg pixels, and the fg to bg scale: the
 * search's own coordinates. {@link org.vidkompy.media.Placement} places the whole fg frame instead;
 * {@link SpatialAligner} converts between them.
 */
record ContentPlacement(double x, double y, double scale) {
}
