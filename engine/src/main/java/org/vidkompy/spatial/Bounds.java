package org.vidkompy.spatial;

/**
 * Placements the search may report: fg content entirely inside the bg, scale between {@code minScale}
 * and the largest that fits.
 */
record Bounds(int bgWidth, int bgHeight, int contentWidth, int contentHeight, double minScale) {

    double fitScale() {
        return Math.min((double) bgWidth / contentWidth, (double) bgHeight / contentHeight);
    }

    ContentPlacement clamp(ContentPlacement p) {
        double s = Math.max(minScale, Math.min(fitScale(), p.scale()));
        double x = Math.max(0, Math.min(bgWidth - contentWidth * s, p.x()));
        double y = Math.max(0, Math.min(bgHeight - contentHeight * s, p.y()));
        return new ContentPlacement(x, y, s);
    }
}
