package org.vidkompy.spatial;

import java.util.List;
import org.vidkompy.spatial.SpatialAlignment.Consensus;

/**
 * The outcome of one search (fixed scale 1, or a scale sweep), in content coordinates.
 *
 * @param elsewhere where other groups of samples landed, the best supported first ({@link RefinedVote#elsewhere})
 */
record SearchResult(ContentPlacement placement, double confidence, Consensus consensus,
                    List<ContentPlacement> elsewhere) {

    SearchResult {
        elsewhere = List.copyOf(elsewhere);
    }

    SearchResult(ContentPlacement placement, double confidence, Consensus consensus) {
        this(placement, confidence, consensus, List.of());
    }
}
