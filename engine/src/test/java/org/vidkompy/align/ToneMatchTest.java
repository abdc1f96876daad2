package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.Plane;
import org.vidkompy.image.ToneCurve;
import org.vidkompy.media.FrameRange;
import org.vidkompy.temporal.TemporalAlignment;

/**
 * The grade is learnt from the frames the map found in the bg only: an fg reaching past the end of a
 * bg excerpt has its frames there held on the bg's last frame, and their pictures say nothing of the
 * grade.
 */
class ToneMatchTest {

    private static final int SIZE = 16;
    private static final int INSIDE = 30;
    private static final int PAST = 30;

    @Test
    void framesPastTheBgsEndDoNotBendTheGrade() {
        ThumbnailStore fg = new ThumbnailStore(SIZE, SIZE);
        ThumbnailStore bg = new ThumbnailStore(SIZE, SIZE);
        int n = INSIDE + PAST;
        int[] map = new int[n];
        float[] confidence = new float[n];
        for (int i = 0; i < INSIDE; i++) {
            // One grade: every fg frame inside is its bg frame.
            Plane p = picture(i, 60, 200);
            fg.put(i, p);
            bg.put(i, p);
            map[i] = i;
            confidence[i] = 0.98f;
        }
        for (int i = INSIDE; i < n; i++) {
            // Past the bg's end: darker pictures (what the camera showed next), held on the last bg frame.
            fg.put(i, picture(i, 0, 50));
            map[i] = INSIDE - 1;
        }
        TemporalAlignment time = new TemporalAlignment(map, confidence, 0.49,
                List.of(new FrameRange(INSIDE, n - 1)), List.of());
        AreaSampler whole = new AreaSampler(SIZE, SIZE, 0, 0, SIZE, SIZE, SIZE, SIZE);

        ToneCurve tone = ToneMatch.of(fg, bg, whole, time, null);

        for (int v = 70; v <= 190; v += 10) {
            assertEquals(v, tone.map(v), 3, "level " + v + " maps onto itself");
        }
    }

    @Test
    void withNoFrameFoundEveryFrameIsUsed() {
        ThumbnailStore fg = new ThumbnailStore(SIZE, SIZE);
        ThumbnailStore bg = new ThumbnailStore(SIZE, SIZE);
        int[] map = new int[INSIDE];
        for (int i = 0; i < INSIDE; i++) {
            fg.put(i, picture(i, 60, 200));
            // The bg a brighter grade of the fg: 40 levels up.
            bg.put(i, picture(i, 100, 240));
            map[i] = i;
        }
        float[] none = new float[INSIDE];
        Arrays.fill(none, 0f);
        TemporalAlignment time = new TemporalAlignment(map, none, 0, List.of(new FrameRange(0, INSIDE - 1)), List.of());

        ToneCurve tone = ToneMatch.of(fg, bg, new AreaSampler(SIZE, SIZE, 0, 0, SIZE, SIZE, SIZE, SIZE), time, null);

        assertEquals(140, tone.map(100), 4);
    }

    /** A diagonal ramp from {@code low} to {@code high}, shifted along with the frame. */
    private static Plane picture(int frame, int low, int high) {
        Plane p = Plane.allocate(SIZE, SIZE);
        float[] d = p.data();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double t = ((x + y + frame) % (2 * SIZE)) / (2.0 * SIZE - 1);
                d[y * SIZE + x] = (float) (low + t * (high - low));
            }
        }
        return p;
    }
}
