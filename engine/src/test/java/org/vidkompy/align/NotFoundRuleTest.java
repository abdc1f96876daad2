package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vidkompy.media.FrameRange;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.temporal.TemporalAlignment;

/** When a time alignment says the fg is not in the bg: the shares and confidences that decide it. */
class NotFoundRuleTest {

    private static final SpatialAlignment PLACE = new SpatialAlignment(10, 20, 1.0, 0.9);

    /** {@code lost} of {@code n} frames match nothing (the first ones), the rest at {@code matched}. */
    private static TemporalAlignment time(int n, int lost, float matched) {
        float[] c = new float[n];
        Arrays.fill(c, lost, n, matched);
        double mean = (double) (n - lost) * matched / n;
        List<FrameRange> unmatched = lost > 0 ? List.of(new FrameRange(0, lost - 1)) : List.of();
        return new TemporalAlignment(new int[n], c, mean, unmatched, List.of());
    }

    /**
     * The picture stored turned without a tag, from the field: 75 of 144 frames lost, the rest at
     * 0.55 (0.26 over all, which the overall floor lets pass); likewise a third lost at 0.6.
     */
    @ParameterizedTest
    @CsvSource({"144, 75, 0.55", "150, 70, 0.6", "100, 45, 0.74", "100, 85, 0.99", "100, 0, 0.2"})
    void notFound(int n, int lost, float matched) {
        assertThrows(NoMatchException.class, () -> NotFoundRule.check(PLACE, time(n, lost, matched)));
    }

    /**
     * Found: an fg partly beyond the bg's time (many frames lost, the rest matching well), a damaged
     * or tiny one matching less well but everywhere, a few lost frames among mediocre matches.
     */
    @ParameterizedTest
    @CsvSource({"144, 75, 0.95", "100, 70, 0.9", "150, 0, 0.79", "80, 0, 0.6", "100, 30, 0.6"})
    void found(int n, int lost, float matched) {
        assertDoesNotThrow(() -> NotFoundRule.check(PLACE, time(n, lost, matched)));
    }

    @Test
    void uninformativeFramesAreNotCountedEitherWay() {
        float[] c = new float[100];
        Arrays.fill(c, 50, 100, 0.95f);
        TemporalAlignment t = new TemporalAlignment(new int[100], c, 0.475, List.of(new FrameRange(40, 49)),
                List.of(new FrameRange(0, 39)));
        assertDoesNotThrow(() -> NotFoundRule.check(PLACE, t));
    }

    /** A placement no pair of frames could measure (all flat) is no finding; any measured one is. */
    @Test
    void anUnmeasuredPlacementIsNotFound() {
        assertThrows(NoMatchException.class, () -> NotFoundRule.checkMeasured(new SpatialAlignment(10, 20, 1.0, 0)));
        assertDoesNotThrow(() -> NotFoundRule.checkMeasured(new SpatialAlignment(10, 20, 1.0, 0.05)));
        assertDoesNotThrow(() -> NotFoundRule.checkMeasured(PLACE));
    }
}
