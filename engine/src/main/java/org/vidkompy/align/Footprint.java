package org.vidkompy.align;

import org.vidkompy.image.ContentBox;
import org.vidkompy.io.CropRect;
import org.vidkompy.spatial.SpatialAlignment;

/**
 * The picture area both clips are compared on over time: the fg content (letterbox bars left out)
 * and, in the bg, the rectangle that content covers, both trimmed to the part inside the bg frame.
 * Integer rectangles are exact enough: at thumbnail size a half-pixel rounding vanishes.
 */
record Footprint(CropRect fg, CropRect bg) {

    static Footprint of(SpatialAlignment s, ContentBox box, int bgWidth, int bgHeight) {
        double sc = s.scale();
        // The content box in bg coordinates, then clipped to the bg frame.
        double bx0 = Math.max(0, s.x() + box.x() * sc);
        double by0 = Math.max(0, s.y() + box.y() * sc);
        double bx1 = Math.min(bgWidth, s.x() + (box.x() + box.width()) * sc);
        double by1 = Math.min(bgHeight, s.y() + (box.y() + box.height()) * sc);
        if (bx1 - bx0 < 2 || by1 - by0 < 2) {
            throw new IllegalArgumentException("the fg does not overlap the bg");
        }
        // Back to fg coordinates for the same area.
        double fx0 = (bx0 - s.x()) / sc;
        double fy0 = (by0 - s.y()) / sc;
        double fx1 = (bx1 - s.x()) / sc;
        double fy1 = (by1 - s.y()) / sc;
        return new Footprint(rect(fx0, fy0, fx1, fy1), rect(bx0, by0, bx1, by1));
    }

    private static CropRect rect(double x0, double y0, double x1, double y1) {
        int ix0 = (int) Math.round(x0);
        int iy0 = (int) Math.round(y0);
        int ix1 = Math.max(ix0 + 1, (int) Math.round(x1));
        int iy1 = Math.max(iy0 + 1, (int) Math.round(y1));
        return new CropRect(ix0, iy0, ix1 - ix0, iy1 - iy0);
    }
}
