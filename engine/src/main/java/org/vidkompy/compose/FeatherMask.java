package org.vidkompy.compose;

/**
 * The soft edge of {@code --smooth}: the fg's opacity ramps linearly from 0 at its edge to 1 at
 * {@code margin} bg pixels inside, on every edge where the bg is visible beyond it. An edge flush
 * with (or beyond) the canvas edge stays hard, since there is nothing to blend with there.
 *
 * <p>Every edge constraint depends on one coordinate only, so the mask is two 1-D ramps combined
 * by their minimum (as the original tool did: {@code alpha = min(alpha, dist/margin)} per edge);
 * it is built once per job in microseconds. The margin is measured in output (bg) pixels, so it
 * looks the same whatever the fg's scale; the original measured it in fg pixels, which is the
 * same at scale 1. Each value is the ramp averaged over the part of the bg pixel the fg covers
 * (rather than the original's value at the outermost fg row, which was always 0 and so threw
 * that row away).
 */
public final class FeatherMask {

    /** Which fg edges are feathered: those with bg visible beyond them. */
    public record Edges(boolean left, boolean top, boolean right, boolean bottom) {
        static Edges visible(OverlayGeometry g) {
            double eps = 1e-6;
            return new Edges(g.x() > eps, g.y() > eps, g.right() < g.bgWidth() - eps,
                    g.bottom() < g.bgHeight() - eps);
        }
    }

    private static final int SUBSAMPLES = 16;

    private final OverlayGeometry geometry;
    private final double margin;
    private final Edges edges;
    private final float[] columns;
    private final float[] rows;

    private FeatherMask(OverlayGeometry g, double margin, Edges edges) {
        this.geometry = g;
        this.margin = margin;
        this.edges = edges;
        this.columns = ramp(g.firstColumn(), g.endColumn(), g.x(), g.right(), edges.left(), edges.right(), margin);
        this.rows = ramp(g.firstRow(), g.endRow(), g.y(), g.bottom(), edges.top(), edges.bottom(), margin);
    }

    /** No feathering: every edge hard (the fg still blends by coverage on partial edge pixels). */
    public static FeatherMask none(OverlayGeometry g) {
        return new FeatherMask(g, 0, new Edges(false, false, false, false));
    }

    /** Feathers the visible edges over {@code margin} bg pixels; a margin of 0 means none. */
    public static FeatherMask of(OverlayGeometry g, double margin) {
        if (margin < 0 || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be >= 0, got " + margin);
        }
        return margin == 0 ? none(g) : new FeatherMask(g, margin, Edges.visible(g));
    }

    public Edges edges() {
        return edges;
    }

    public double margin() {
        return margin;
    }

    /** Feather opacity (not counting partial coverage) at bg pixel (x, y); 0 outside the fg. */
    public float alpha(int x, int y) {
        int i = x - geometry.firstColumn();
        int j = y - geometry.firstRow();
        if (i < 0 || j < 0 || i >= columns.length || j >= rows.length) {
            return 0;
        }
        return Math.min(columns[i], rows[j]);
    }

    float column(int i) {
        return columns[i];
    }

    float row(int j) {
        return rows[j];
    }

    /**
     * Mean of the ramp over the covered part of each bg pixel in [first, end). The ramp rises
     * from 0 at a feathered edge to 1 at {@code margin} inside; hard edges contribute 1.
     */
    private static float[] ramp(int first, int end, double lo, double hi, boolean softLo, boolean softHi,
                                double margin) {
        float[] out = new float[Math.max(0, end - first)];
        for (int i = 0; i < out.length; i++) {
            double a = Math.max(first + i, lo);
            double b = Math.min(first + i + 1.0, hi);
            if (b <= a) {
                continue;
            }
            double sum = 0;
            for (int k = 0; k < SUBSAMPLES; k++) {
                double t = a + (b - a) * (k + 0.5) / SUBSAMPLES;
                double r = 1;
                if (softLo) {
                    r = Math.min(r, (t - lo) / margin);
                }
                if (softHi) {
                    r = Math.min(r, (hi - t) / margin);
                }
                sum += Math.max(0, Math.min(1, r));
            }
            out[i] = (float) (sum / SUBSAMPLES);
        }
        return out;
    }
}
