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
     * Where more than this share of the fg frames match nothing, the rest must match well
     * ({@link #MIN_MATCHED_CONFIDENCE}) for the fg to be in the bg. An fg whose frames partly lie
     * outside the bg's time matches nothing there and the rest as well as any (0.9 and more); a picture
     * that is not in the bg, stored turned a quarter without a tag, found a place at a scale of 0.13 where
     * 69 of its 144 frames matched at 0.55 on average and the rest not at all (0.26 over all, which
     * passes {@link #MIN_TEMPORAL_CONFIDENCE}).
     */
    static final double HALF_LOST_SHARE = 0.4;
    /**
     * The least mean confidence of the matched frames where many are lost ({@link #HALF_LOST_SHARE}). In
     * the accuracy tests matched frames average 0.87 and more (a 32x18 inset), 0.80 for a bg with
     * concealed holes, where none is lost.
     */
    static final double MIN_MATCHED_CONFIDENCE = 0.75;
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

    /**
     * @throws NoMatchException when no pair of frames showing the same moment had detail enough to place
     *     the fg (confidence 0: every one compared was flat). A patch of clear sky fading in from black
     *     was otherwise "found" 300 px from where it was cut, wherever the coarse search had guessed.
     */
    static void checkMeasured(SpatialAlignment place) {
        if (!place.measured()) {
            throw new NoMatchException(0, "the fg is too flat to place: every frame compared shows no detail");
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
        boolean poorHalf = unmatched > HALF_LOST_SHARE * judged && time.matchedCount() > 0
                && time.matchedConfidence() < MIN_MATCHED_CONFIDENCE;
        if (unmatched > MAX_UNMATCHED_SHARE * judged || sum / judged < MIN_TEMPORAL_CONFIDENCE || poorHalf) {
            throw new NoMatchException(place.confidence(), String.format(Locale.ROOT,
                    "%d of %d fg frames match no bg frame (temporal confidence %.2f)", unmatched, judged,
                    time.confidence()));
        }
    }
}
