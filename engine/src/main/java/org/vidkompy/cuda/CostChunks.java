package org.vidkompy.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Splits the rows of a band fill into launches whose device memory stays under a budget: each chunk
 * uploads its fg rows, the bg columns its rows touch, the per-row spans, and receives its cells.
 * A chunk also stays under the hardware's 65535 rows per launch (rows are grid y). A single row that
 * alone exceeds the budget still forms a chunk of its own: it has to be computed somehow, and it is
 * at most one bg clip of vectors.
 */
final class CostChunks {

    /** One launch: fg rows {@code [rowFrom, rowTo)}, bg columns {@code [colFrom, colTo)} uploaded. */
    record Chunk(int rowFrom, int rowTo, int colFrom, int colTo, long cells, int maxWidth) {
        int rows() {
            return rowTo - rowFrom;
        }

        int cols() {
            return Math.max(0, colTo - colFrom);
        }

        long bytes(int dim) {
            return CostChunks.bytes(rows(), cols(), cells, dim);
        }
    }

    private CostChunks() {
    }

    /** Device bytes of a chunk: fg vectors and norms, lo/hi/offset per row, bg vectors and norms, cells. */
    static long bytes(int rows, int cols, long cells, int dim) {
        return (long) rows * (dim + 4 + 12) + (long) cols * (dim + 4) + cells * 4;
    }

    static List<Chunk> plan(IntUnaryOperator lo, IntUnaryOperator hi, int rowFrom, int rowTo, int dim, int bgSize,
                            long budget, int maxRows) {
        List<Chunk> out = new ArrayList<>();
        int r = rowFrom;
        while (r < rowTo) {
            int start = r;
            int minLo = Integer.MAX_VALUE;
            int maxHi = Integer.MIN_VALUE;
            long cells = 0;
            int maxWidth = 0;
            while (r < rowTo && r - start < maxRows) {
                int l = lo.applyAsInt(r);
                int h = hi.applyAsInt(r);
                int nMinLo = Math.min(minLo, l);
                int nMaxHi = Math.max(maxHi, h);
                long nCells = cells + (h - l + 1);
                long b = bytes(r - start + 1, columns(nMinLo, nMaxHi, bgSize), nCells, dim);
                if (r > start && b > budget) {
                    break;
                }
                minLo = nMinLo;
                maxHi = nMaxHi;
                cells = nCells;
                maxWidth = Math.max(maxWidth, h - l + 1);
                r++;
            }
            int colFrom = Math.max(0, minLo);
            int colTo = Math.max(colFrom, Math.min(bgSize, maxHi + 1));
            out.add(new Chunk(start, r, colFrom, colTo, cells, maxWidth));
        }
        return out;
    }

    /** bg columns of {@code [lo, hi]} that exist ({@code [0, bgSize)}); virtual ones need no upload. */
    private static int columns(int lo, int hi, int bgSize) {
        return Math.max(0, Math.min(bgSize - 1, hi) - Math.max(0, lo) + 1);
    }
}
