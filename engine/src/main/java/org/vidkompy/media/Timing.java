package org.vidkompy.media;

import java.util.List;

/**
 * Which bg frame lies under every fg frame.
 *
 * @param map             bg frame index (0-based, presentation order) under every fg frame
 * @param frameConfidence 0..1 per fg frame
 * @param unmatched       fg frame ranges whose content was not found in the bg
 */
public record Timing(double confidence, int[] map, float[] frameConfidence, List<FrameRange> unmatched) {
    public Timing {
        if (frameConfidence.length != map.length) {
            throw new IllegalArgumentException("map has " + map.length + " entries but frameConfidence "
                    + frameConfidence.length);
        }
        unmatched = List.copyOf(unmatched);
    }
}
