package org.vidkompy.cuda;

import java.nio.DoubleBuffer;
import org.vidkompy.image.Plane;
import org.vidkompy.image.SummedAreaTable;

/**
 * Summed-area tables of an image's values and squared values, {@code (w + 1) x (h + 1)} doubles each,
 * computed on the host in the same order as the CPU correlator's, so window variances agree exactly.
 * They are cheap (one pass per image) and the GPU then evaluates every window from them.
 */
final class SummedAreaTables {

    private SummedAreaTables() {
    }

    static int length(int w, int h) {
        return SummedAreaTable.length(w, h);
    }

    /** Writes the tables of {@code p} at the buffers' positions (advancing them by {@link #length}). */
    static void write(Plane p, DoubleBuffer sums, DoubleBuffer sumSqs) {
        SummedAreaTable t = new SummedAreaTable(p);
        sums.put(t.sums());
        sumSqs.put(t.sumSqs());
    }
}
