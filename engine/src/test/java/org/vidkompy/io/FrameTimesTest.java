package org.vidkompy.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** A clip's frame times: a constant rate told from a varying one, and which frames are references. */
class FrameTimesTest {

    private static long[] times(int n, java.util.function.IntToLongFunction at) {
        long[] pts = new long[n];
        for (int i = 0; i < n; i++) {
            pts[i] = at.applyAsLong(i);
        }
        return pts;
    }

    @Test
    void aConstantRateIsEvenEvenInRoundedTicks() {
        assertTrue(FrameTimes.of(times(100, i -> 512L * i), new Rational(1, 12800)).evenlySpaced());
        // 29.97 fps in milliseconds: 33 and 34 ms steps.
        assertTrue(FrameTimes.of(times(100, i -> Math.round(i * 1001 / 30.0)), new Rational(1, 1000)).evenlySpaced());
    }

    @Test
    void aDroppedFrameOrACapturesJitterIsNot() {
        assertFalse(FrameTimes.of(times(100, i -> 512L * (i < 50 ? i : i + 1)), new Rational(1, 12800)).evenlySpaced());
        java.util.Random r = new java.util.Random(3);
        assertFalse(FrameTimes.of(times(100, i -> 3000L * i + (i == 0 ? 0 : r.nextInt(2000) - 1000)),
                new Rational(1, 90000)).evenlySpaced());
        assertFalse(FrameTimes.of(new long[] {0, 1}, new Rational(1, 25)).evenlySpaced());
    }

    @Test
    void theReferenceFramesAreThoseNotMarkedOtherwise() {
        long[] pts = times(8, i -> i);
        assertNull(FrameTimes.of(pts, new Rational(1, 25)).referenceFrames());
        BitSet nonRef = new BitSet();
        nonRef.set(1);
        nonRef.set(2);
        nonRef.set(5);
        assertArrayEquals(new int[] {0, 3, 4, 6, 7},
                FrameTimes.of(pts, new Rational(1, 25), new int[] {0}, nonRef).referenceFrames());
    }
}
