package org.vidkompy.spatial;

import java.util.List;
import org.vidkompy.image.Plane;

/**
 * Computes ZNCC surfaces for many templates against many images in one call, so an implementation
 * can transform each image once and reuse it for every template (and a GPU implementation can batch
 * the whole set on the device).
 *
 * <p>All images of one call have the same size; every template fits inside them. Surfaces are
 * delivered pair by pair to the visitor, in no promised order, and are only valid during the visit.
 */
public interface Correlator {

    void correlate(List<Plane> templates, List<Plane> images, SurfaceVisitor visitor);

    /** Receives the surface of template {@code template} over image {@code image} (list indices). */
    @FunctionalInterface
    interface SurfaceVisitor {
        void visit(int template, int image, ZnccSurface surface);
    }
}
