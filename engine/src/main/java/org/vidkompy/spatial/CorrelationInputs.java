package org.vidkompy.spatial;

import java.util.List;
import org.vidkompy.image.Plane;

/** The contract every {@link Correlator} enforces on its inputs, in one place for the CPU and CUDA twins. */
public final class CorrelationInputs {
    /** Image windows whose standard deviation is below this (gray levels) get ZNCC 0, not noise / 0. */
    public static final double MIN_WINDOW_STD = 1.0;

    private CorrelationInputs() {
    }

    /**
     * All images of one call share a size, and no template is larger than them.
     *
     * @return false when there is nothing to correlate (no templates or no images)
     */
    public static boolean check(List<Plane> templates, List<Plane> images) {
        if (templates.isEmpty() || images.isEmpty()) {
            return false;
        }
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
        return true;
    }
}
