package org.vidkompy.temporal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vidkompy.media.TimeJump;
import org.vidkompy.synth.TimeMaps;

/**
 * Replays on descriptors alone (fast, no media): an fg cut from a moving bg scene whose time jumps
 * back gets the piecewise map, jumps where the truth jumps; a monotone fg keeps its monotone map.
 */
class TemporalReplayTest {

    private static final int DIM = new FrameDescriber(DescriptorSpec.standard()).dimension();
    private static final TemporalAligner ALIGNER = new TemporalAligner(new CpuCostKernel());

    /** A scene that changes steadily from frame to frame, as footage does. */
    private static DescriptorSequence scene(int frames, long seed) {
        Random r = new Random(seed);
        byte[] v = new byte[frames * DIM];
        double[] x = new double[DIM];
        for (int k = 0; k < DIM; k++) {
            x[k] = r.nextGaussian() * 40;
        }
        for (int j = 0; j < frames; j++) {
            for (int k = 0; k < DIM; k++) {
                x[k] = 0.95 * x[k] + r.nextGaussian() * 12;
                v[j * DIM + k] = (byte) Math.max(-127, Math.min(127, Math.round(x[k])));
            }
        }
        return DescriptorSequence.ofVectors(DescriptorSpec.standard(), frames, DIM, v);
    }

    private static int[] align(DescriptorSequence bg, int[] truth) {
        DescriptorSequence fg = bg.resampled(truth);
        return ALIGNER.align(fg, bg, TemporalOptions.of(25, 25)).map();
    }

    @Test
    void aReplayIsFollowedNotBent() {
        DescriptorSequence bg = scene(300, 1);
        int[] truth = TimeMaps.withCut(TimeMaps.linear(130, 80, 1.0), 70, -50);
        assertArrayEquals(truth, align(bg, truth));
    }

    @Test
    void replaysOfOneAndThreeSecondsTwoReplaysAndOneAfterACut() {
        DescriptorSequence bg = scene(400, 2);
        List<int[]> truths = List.of(
                TimeMaps.withCut(TimeMaps.linear(150, 60, 1.0), 70, -25),
                TimeMaps.withCut(TimeMaps.linear(200, 100, 1.0), 90, -75),
                TimeMaps.withCut(TimeMaps.withCut(TimeMaps.linear(200, 40, 1.0), 60, -30), 130, -40),
                TimeMaps.withCut(TimeMaps.withCut(TimeMaps.linear(220, 20, 1.0), 60, 100), 140, -60));
        for (int[] truth : truths) {
            int[] map = align(bg, truth);
            assertArrayEquals(truth, map);
            assertEquals(TimeJump.in(truth, 1.0), TimeJump.in(map, 1.0));
        }
    }

    @Test
    void otherFootageInvitesNoJumps() {
        DescriptorSequence bg = scene(400, 4);
        DescriptorSequence other = scene(300, 5);
        int n = 300;
        int[] truth = TimeMaps.linear(n, 50, 1.0);
        // Frames 100..249 are other footage (a title sequence, another camera), found nowhere in the bg.
        byte[] v = new byte[n * DIM];
        for (int i = 0; i < n; i++) {
            DescriptorSequence from = i >= 100 && i < 250 ? other : bg;
            System.arraycopy(from.vectors(), (i >= 100 && i < 250 ? i : truth[i]) * DIM, v, i * DIM, DIM);
        }
        TemporalAlignment a = ALIGNER.align(DescriptorSequence.ofVectors(DescriptorSpec.standard(), n, DIM, v), bg,
                TemporalOptions.of(25, 25));
        assertEquals(List.of(), TimeJump.in(a.map(), 1.0).stream().filter(TimeJump::backward).toList());
        for (int i = 0; i < n; i++) {
            if (i < 100 || i >= 250) {
                assertEquals(truth[i], a.map()[i], "frame " + i);
            }
        }
        assertEquals(150, a.unmatchedCount());
    }

    @Test
    void aMonotoneFgStaysMonotone() {
        DescriptorSequence bg = scene(300, 3);
        int[] truth = TimeMaps.withCut(TimeMaps.linear(150, 20, 1.0), 80, 60);
        int[] map = align(bg, truth);
        assertArrayEquals(truth, map);
        for (int i = 1; i < map.length; i++) {
            assertTrue(map[i] >= map[i - 1], "frame " + i + " goes back");
        }
    }
}
