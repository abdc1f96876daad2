package org.vidkompy.spatial;

/**
 * Placements the search may report: fg content entirely inside the bg, scale between {@code minScale}
 * and the largest that fits; or, with {@code overhang}, content that reaches beyond the bg as long as
 * at least {@link #MIN_VISIBLE} of its width and of its height lie over it (only that part is compared).
 */
record Bounds(int bgWidth, int bgHeight, int contentWidth, int contentHeight, double minScale, boolean overhang) {

    /** Share of the content's width and height that must stay over the bg when it may overhang. */
    static final double MIN_VISIBLE = 0.3;
    /** An overhanging fg is not bounded by the bg's size; this caps its scale instead. */
    static final double MAX_OVERHANG_SCALE = 4;

    Bounds(int bgWidth, int bgHeight, int contentWidth, int contentHeight, double minScale) {
        this(bgWidth, bgHeight, contentWidth, contentHeight, minScale, false);
    }

    double fitScale() {
        return Math.min((double) bgWidth / contentWidth, (double) bgHeight / contentHeight);
    }

    ContentPlacement clamp(ContentPlacement p) {
        if (overhang) {
            double s = Math.max(minScale, Math.min(MAX_OVERHANG_SCALE, p.scale()));
            double w = contentWidth * s;
            double h = contentHeight * s;
            double x = Math.max(-(1 - MIN_VISIBLE) * w, Math.min(bgWidth - MIN_VISIBLE * w, p.x()));
            double y = Math.max(-(1 - MIN_VISIBLE) * h, Math.min(bgHeight - MIN_VISIBLE * h, p.y()));
            return new ContentPlacement(x, y, s);
        }
        double s = Math.max(minScale, Math.min(fitScale(), p.scale()));
        double x = Math.max(0, Math.min(bgWidth - contentWidth * s, p.x()));
        double y = Math.max(0, Math.min(bgHeight - contentHeight * s, p.y()));
        return new ContentPlacement(x, y, s);
    }

    /** Whether content at {@code p} reaches beyond the bg by more than {@code slack} bg pixels. */
    boolean overhangs(ContentPlacement p, double slack) {
        return p.x() < -slack || p.y() < -slack || p.x() + contentWidth * p.scale() > bgWidth + slack
                || p.y() + contentHeight * p.scale() > bgHeight + slack;
    }

    /** Share of the content's area that lies over the bg at {@code p}. */
    double overlapShare(ContentPlacement p) {
        double w = contentWidth * p.scale();
        double h = contentHeight * p.scale();
        double ox = Math.max(0, Math.min(bgWidth, p.x() + w) - Math.max(0, p.x()));
        double oy = Math.max(0, Math.min(bgHeight, p.y() + h) - Math.max(0, p.y()));
        return ox * oy / (w * h);
    }
}
