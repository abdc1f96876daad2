package org.vidkompy.spatial;

import org.vidkompy.spatial.SpatialAlignment.Consensus;

/** The outcome of one search (fixed scale 1, or a scale sweep), in content coordinates. */
record SearchResult(ContentPlacement placement, double confidence, Consensus consensus) {
}
