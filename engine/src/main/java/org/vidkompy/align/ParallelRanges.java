package org.vidkompy.align;

import java.util.stream.IntStream;

/**
 * Splits the rows {@code 0..n} into contiguous ranges, one per core, and runs them at once. After
 * the scan the analysis is one thread's work on a machine whose cores the decoders kept busy until
 * then; the per-frame loops (cutting bg footprints, comparing pictures) are independent by frame, so
 * each range gets its own scratch and they share nothing but read-only inputs and disjoint outputs.
 */
final class ParallelRanges {

    /** Below this many rows per range the split costs more than it saves. */
    static final int MIN_ROWS = 64;

    interface Range {
        /** Rows {@code from..to} (exclusive), which are range {@code part} of {@link #count}. */
        void run(int part, int from, int to);
    }

    private ParallelRanges() {
    }

    /** How many ranges {@code n} rows are split into. */
    static int count(int n) {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(cores, n / MIN_ROWS));
    }

    /** Runs {@code body} over every range of {@code 0..n}; the first failure is thrown after all ended. */
    static void run(int n, Range body) {
        int k = count(n);
        if (k == 1) {
            body.run(0, 0, n);
            return;
        }
        IntStream.range(0, k).parallel().forEach(c -> body.run(c, start(n, k, c), start(n, k, c + 1)));
    }

    /** The first row of range {@code c} of {@code k}. */
    static int start(int n, int k, int c) {
        return (int) ((long) n * c / k);
    }
}
