package org.vidkompy.spatial;

import java.util.List;
import org.vidkompy.image.Plane;

/** The contract every {@link Correlator} enforces on its inputs, in one place for the CPU and CUDA twins. */
public final class CorrelationInputs {
    private CorrelationInputs() {
    }

    /** All images of one call share a size, and no template is larger than them. */
    public static void check(List<Plane> templates, List<Plane> images) {
        int w = images.get(0).width();
        int h = images.get(0).height();
        for (Plane img : images) {
            if (img.width() != w || img.height() != h) {
                throw new IllegalArgumentException("images of one call must share a size");
            }
        }
        for (Plane t : templates) {
            if (t.width() > w || t.height() > h) {
                throw new IllegalArgumentException("template " + t.width() + "x" + t.height()
                        + " larger than image " + w + "x" + h);
            }
        }
    }
}
