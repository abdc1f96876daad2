package org.vidkompy.align;

import java.util.Arrays;
import java.util.Locale;
import org.vidkompy.image.PixelRect;
import org.vidkompy.media.Footprint;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.temporal.TemporalAlignment;

/**
 * When the fg is not in the bg. A placement can score passably by chance when hundreds of sample
 * pairs are tried, but an fg that is not in the bg also matches no bg frame over time: when most fg
 * frames find nothing, there is no overlap, whatever the spatial score.
 */
final class NotFoundRule {

    /** More unmatched fg frames than this share means the fg is not in the bg. */
    static final double MAX_UNMATCHED_SHARE = 0.8;
    /**
     * Below this mean frame confidence (informative frames only) the fg is not in the bg: true pairs
     * score above 0.9 in every accuracy case (0.95 with crf 35 and noise), unrelated footage about 0.05.
     */
    static final double MIN_TEMPORAL_CONFIDENCE = 0.25;
    /**
     * Below this share of the fg content's area over the bg the fg is not in the bg: a sliver along
     * an edge matches something by chance, and there would be little of the fg to show.
     */
    static final double MIN_OVERLAP = 0.3;
    /** An overlap under this many times {@link #MIN_OVERLAP} is at the refinement's limit: beyond it. */
    static final double AT_LIMIT = 1.01;

    private NotFoundRule() {
    }

    /** @throws NoMatchException when less than {@link #MIN_OVERLAP} of the fg content lies over the bg */
    static void checkOverlap(SpatialAlignment place, PixelRect box, int bgWidth, int bgHeight) {
        Footprint area = Footprint.of(place.x(), place.y(), place.scale(), box);
        double ox = Math.max(0, Math.min(bgWidth, area.right()) - Math.max(0, area.x()));
        double oy = Math.max(0, Math.min(bgHeight, area.bottom()) - Math.max(0, area.y()));
        double share = ox * oy / (area.width() * area.height());
        // The refinement stops a placement at the least overlap it allows (Bounds): one stopped there
        // wanted to go further out.
        if (!(share >= MIN_OVERLAP * AT_LIMIT)) {
            throw new NoMatchException(place.confidence(), String.format(Locale.ROOT,
                    "only %.0f %% of the fg lies over the bg", 100 * share));
        }
    }

    /** @throws NoMatchException when the time alignment says the fg is not in the bg */
    static void check(SpatialAlignment place, TemporalAlignment time) {
        int n = time.map().length;
        int unmatched = time.unmatched().stream().mapToInt(r -> r.last() - r.first() + 1).sum();
        int uninformative = time.uninformative().stream().mapToInt(r -> r.last() - r.first() + 1).sum();
        // Frames without structure (black, fades) say nothing either way.
        int judged = Math.max(1, n - uninformative);
        boolean[] skip = new boolean[n];
        time.uninformative().forEach(r -> Arrays.fill(skip, r.first(), r.last() + 1, true));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += skip[i] ? 0 : time.frameConfidence()[i];
        }
        if (unmatched > MAX_UNMATCHED_SHARE * judged || sum / judged < MIN_TEMPORAL_CONFIDENCE) {
            throw new NoMatchException(place.confidence(), String.format(Locale.ROOT,
                    "%d of %d fg frames match no bg frame (temporal confidence %.2f)", unmatched, judged,
                    time.confidence()));
        }
    }
}
