package org.vidkompy.temporal;

/**
 * Per-frame refinement of the full-rate path: each fg frame may move to a bg frame within
 * {@code radius} that matches clearly better, as long as it stays between its already refined left
 * neighbour and its right neighbour on the path (the map stays monotone between jumps; a backward
 * jump, a replay, bounds nothing). This undoes the few places
 * where the step prior outvoted the pictures, typically the frame right at a cut or a speed change.
 * Also returns the cost of every chosen cell, which the classification reuses.
 */
final class NeighbourRefiner {

    private final BandCostKernel kernel;

    NeighbourRefiner(BandCostKernel kernel) {
        this.kernel = kernel;
    }

    /** Cost at every cell of {@code path} (NaN = no evidence). */
    void costs(DescriptorSequence fg, DescriptorSequence bg, int[] path, float[] out) {
        int[] at = path.clone();
        kernel.fill(fg, bg, new Band(at, at), 0, path.length, out);
    }

    /** Refines {@code path} in place; {@code costOut[i]} receives the cost at the final cell (NaN = no evidence). */
    void refine(DescriptorSequence fg, DescriptorSequence bg, int[] path, int radius, float margin, float[] costOut) {
        int n = path.length;
        int w = 2 * radius + 1;
        int[] lo = new int[n];
        int[] hi = new int[n];
        for (int i = 0; i < n; i++) {
            lo[i] = path[i] - radius;
            hi[i] = path[i] + radius;
        }
        Band local = new Band(lo, hi);
        float[] cost = new float[local.cells()];
        kernel.fill(fg, bg, local, 0, n, cost);
        int prev = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int base = i * w;
            int chosen = path[i];
            float chosenCost = cost[base + radius];
            // Neighbours bound the move, except across a backward jump (a replay), which is a cut.
            int upper = i + 1 < n && path[i + 1] >= lo[i] ? path[i + 1] : Integer.MAX_VALUE;
            int from = Math.max(lo[i], prev <= hi[i] ? prev : Integer.MIN_VALUE);
            int to = Math.min(hi[i], upper);
            float bestCost = Float.isNaN(chosenCost) ? Float.POSITIVE_INFINITY : chosenCost - margin;
            for (int j = from; j <= to; j++) {
                float c = cost[base + j - lo[i]];
                if (c < bestCost) { // NaN never wins
                    bestCost = c;
                    chosen = j;
                    chosenCost = c;
                }
            }
            path[i] = chosen;
            costOut[i] = chosenCost;
            prev = chosen;
        }
    }
}
