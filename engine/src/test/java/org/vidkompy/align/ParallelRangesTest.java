package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelRangesTest {

    @Test
    void everyRowRunsOnceInContiguousRanges() {
        for (int n : new int[] {0, 1, ParallelRanges.MIN_ROWS - 1, ParallelRanges.MIN_ROWS * 2 + 3, 10_001}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, n));
            int[] parts = new int[ParallelRanges.count(n)];
            ParallelRanges.run(n, (part, from, to) -> {
                assertTrue(from <= to && from >= 0 && to <= n);
                assertEquals(ParallelRanges.start(n, parts.length, part), from);
                parts[part]++;
                for (int i = from; i < to; i++) {
                    seen.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen.get(i), "row " + i + " of " + n);
            }
            for (int p : parts) {
                assertEquals(1, p);
            }
        }
    }

    @Test
    void aFailureInOneRangeReachesTheCaller() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ParallelRanges.run(10_000, (part, from, to) -> {
                    if (part == ParallelRanges.count(10_000) - 1) {
                        throw new IllegalStateException("last range");
                    }
                }));
        // Thrown on a pool thread, it comes back as a copy of its own type that names it.
        assertTrue(e.getMessage().contains("last range"), e.getMessage());
    }
}
