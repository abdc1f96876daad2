package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidkompy.media.FrameRange;
import org.vidkompy.temporal.TemporalAlignment;

/** Whether a map runs as the clips' timestamps do. */
class StraightTimeTest {

    private static double[] times(int n, double fps, double start) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i / fps;
        }
        return t;
    }

    private static TemporalAlignment matched(int[] map) {
        float[] c = new float[map.length];
        Arrays.fill(c, 0.98f);
        return new TemporalAlignment(map, c, 0.98, List.of(), List.of());
    }

    @Test
    void oneRateAndAnOffsetIsStraight() {
        int[] map = new int[144];
        for (int i = 0; i < map.length; i++) {
            map[i] = 72 + i;
        }
        assertEquals(1.0, StraightTime.share(matched(map), times(144, 24, 0), times(288, 24, 0)), 1e-9);
    }

    @Test
    void aFasterFgRoundedToWholeBgFramesIsStraight() {
        // 60 fps over 24: each fg frame on the nearest bg frame, 2-3 on each.
        double[] fg = times(300, 60, 0);
        double[] bg = times(200, 24, 0);
        int[] map = new int[fg.length];
        for (int i = 0; i < map.length; i++) {
            map[i] = (int) Math.round(30 + fg[i] * 24);
        }
        assertEquals(1.0, StraightTime.share(matched(map), fg, bg), 1e-9);
    }

    @Test
    void aMapDriftingAcrossThreeFramesIsBentAndStraightenedOntoItsMiddle() {
        // As over a tilt, where a place 2 px along trades for time: 1 frame late at the start, 3 at the end.
        int[] map = new int[144];
        for (int i = 0; i < map.length; i++) {
            map[i] = 72 + i + 1 + (int) Math.round(2.0 * i / 143);
        }
        TemporalAlignment bent = matched(map);
        double[] fg = times(144, 24, 0);
        double[] bg = times(288, 24, 0);
        assertTrue(StraightTime.share(bent, fg, bg) < StraightTime.BENT);
        int[] line = StraightTime.straightened(bent, fg, bg).map();
        for (int i = 0; i < line.length; i++) {
            assertEquals(74 + i, line[i], "fg frame " + i);
        }
    }

    @Test
    void unmatchedFramesAreNeitherJudgedNorMoved() {
        // The fg runs 40 frames past the bg's end, held on its last frame.
        int[] map = new int[120];
        for (int i = 0; i < map.length; i++) {
            map[i] = Math.min(79, i);
        }
        float[] c = new float[map.length];
        Arrays.fill(c, 0, 80, 0.98f);
        TemporalAlignment t = new TemporalAlignment(map, c, 0.6, List.of(new FrameRange(80, 119)), List.of());
        double[] fg = times(120, 25, 0);
        double[] bg = times(80, 25, 0);
        assertEquals(1.0, StraightTime.share(t, fg, bg), 1e-9);
        assertArrayEquals(map, StraightTime.straightened(t, fg, bg).map());
    }

    @Test
    void aVariableRateFgIsJudgedByItsTimestamps() {
        // A phone capture: frames 1/30 s apart with every fifth a frame late; the bg at 30 fps.
        double[] fg = new double[150];
        int[] map = new int[fg.length];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = i / 30.0 + (i % 5 == 4 ? 1 / 30.0 : 0);
            map[i] = 10 + (int) Math.round(fg[i] * 30);
        }
        assertEquals(1.0, StraightTime.share(matched(map), fg, times(200, 30, 0)), 1e-9);
        int[] even = new int[fg.length];
        for (int i = 0; i < fg.length; i++) {
            even[i] = 10 + i;
        }
        // The same frames laid out as if evenly timed miss every late one.
        assertEquals(0.8, StraightTime.share(matched(even), fg, times(200, 30, 0)), 1e-9);
    }
}
