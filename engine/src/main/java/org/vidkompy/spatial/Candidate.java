package org.vidkompy.spatial;

/**
 * One coarse match: fg sample {@code fg} found in bg sample {@code bg} at {@code scale}, its content's
 * top-left at (x, y) in bg pixels, with thumbnail ZNCC {@code score}.
 */
record Candidate(int fg, int bg, double scale, double x, double y, double score) {

    double centreX(int contentWidth) {
        return x + 0.5 * contentWidth * scale;
    }

    double centreY(int contentHeight) {
        return y + 0.5 * contentHeight * scale;
    }
}
