package org.vidkompy.temporal;

/**
 * The cells of the alignment lattice that are evaluated: for fg row {@code i} the bg columns
 * {@code lo(i) .. hi(i)} inclusive. Columns may lie outside {@code [0, bgSize)}: those are virtual bg
 * frames before the bg start or past its end, where fg frames with no bg counterpart can sit.
 * Cells are numbered row-major, so per-cell arrays (costs, back pointers) are flat.
 */
public final class Band {

    private final int[] lo;
    private final int[] hi;
    private final long[] start;

    Band(int[] lo, int[] hi) {
        if (lo.length != hi.length || lo.length == 0) {
            throw new IllegalArgumentException("band needs equal, non-empty lo/hi arrays");
        }
        this.lo = lo;
        this.hi = hi;
        this.start = new long[lo.length + 1];
        for (int i = 0; i < lo.length; i++) {
            if (hi[i] < lo[i]) {
                throw new IllegalArgumentException("empty band row " + i + ": " + lo[i] + ".." + hi[i]);
            }
            start[i + 1] = start[i] + (hi[i] - lo[i] + 1);
        }
        if (start[lo.length] > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("band of " + start[lo.length] + " cells is too large");
        }
    }

    /** A band holding the same column range in every row. */
    static Band full(int rows, int lo, int hi) {
        int[] l = new int[rows];
        int[] h = new int[rows];
        java.util.Arrays.fill(l, lo);
        java.util.Arrays.fill(h, hi);
        return new Band(l, h);
    }

    public int rows() {
        return lo.length;
    }

    public int lo(int row) {
        return lo[row];
    }

    public int hi(int row) {
        return hi[row];
    }

    public int width(int row) {
        return hi[row] - lo[row] + 1;
    }

    /** Index of the first cell of {@code row}; {@code offset(rows())} is the cell count. */
    public int offset(int row) {
        return (int) start[row];
    }

    public int cells() {
        return (int) start[lo.length];
    }

    /**
     * True when neither edge ever moves left from one row to the next: then every cell can be entered
     * from the row before by a forward step (what {@link BandedViterbi} needs to be total).
     */
    boolean isMonotone() {
        for (int i = 1; i < lo.length; i++) {
            if (lo[i] < lo[i - 1] || hi[i] < hi[i - 1]) {
                return false;
            }
        }
        return true;
    }

    int maxWidth() {
        int w = 0;
        for (int i = 0; i < lo.length; i++) {
            w = Math.max(w, width(i));
        }
        return w;
    }
}
