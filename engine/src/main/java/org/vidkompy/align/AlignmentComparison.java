package org.vidkompy.align;

import org.vidkompy.media.Placement;
import org.vidkompy.media.Alignment;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a fresh analysis moved from a stored expectation: the regression check that CI pipelines
 * run ({@code vidkompy check}).
 *
 * @param dx         actual x minus expected x, bg pixels
 * @param dy         actual y minus expected y
 * @param scaleShift how far the fg's far corner moved through the scale change alone, bg pixels
 * @param moved      runs of fg frames whose bg frame moved by more than the frame tolerance
 * @param problems   one line per field out of tolerance; empty when everything is within it
 */
public record AlignmentComparison(double dx, double dy, double scaleShift, List<Moved> moved, List<String> problems) {

    /** fg frames {@code first..last} moved by up to {@code maxFrames} bg frames (signed: largest magnitude). */
    public record Moved(int first, int last, int maxFrames) {
    }

    public boolean withinTolerance() {
        return problems.isEmpty();
    }

    public static AlignmentComparison of(Alignment expected, Alignment actual, double tolerancePx, int toleranceFrames) {
        List<String> problems = new ArrayList<>();
        Placement e = expected.spatial();
        Placement a = actual.spatial();
        double dx = a.x() - e.x();
        double dy = a.y() - e.y();
        double scaleShift = Math.abs(a.scale() - e.scale())
                * Math.max(actual.foreground().width(), actual.foreground().height());
        if (Math.abs(dx) > tolerancePx) {
            problems.add(String.format("spatial.x moved by %+.3f px (expected %.3f, got %.3f; tolerance %.3f)", dx,
                    e.x(), a.x(), tolerancePx));
        }
        if (Math.abs(dy) > tolerancePx) {
            problems.add(String.format("spatial.y moved by %+.3f px (expected %.3f, got %.3f; tolerance %.3f)", dy,
                    e.y(), a.y(), tolerancePx));
        }
        if (scaleShift > tolerancePx) {
            problems.add(String.format("spatial.scale changed from %.5f to %.5f (the fg's far edge moves %.3f px;"
                    + " tolerance %.3f)", e.scale(), a.scale(), scaleShift, tolerancePx));
        }
        int[] em = expected.temporal().map();
        int[] am = actual.temporal().map();
        List<Moved> moved = new ArrayList<>();
        if (em.length != am.length) {
            problems.add("temporal.map has " + am.length + " fg frames, the expectation " + em.length);
        }
        int n = Math.min(em.length, am.length);
        int start = -1;
        int worst = 0;
        for (int i = 0; i <= n; i++) {
            int d = i < n ? am[i] - em[i] : 0;
            boolean out = i < n && Math.abs(d) > toleranceFrames;
            if (out) {
                if (start < 0) {
                    start = i;
                    worst = d;
                } else if (Math.abs(d) > Math.abs(worst)) {
                    worst = d;
                }
            } else if (start >= 0) {
                moved.add(new Moved(start, i - 1, worst));
                start = -1;
            }
        }
        for (Moved m : moved) {
            problems.add(String.format("temporal.map: fg frames %d-%d moved by up to %+d bg frames (tolerance %d)",
                    m.first(), m.last(), m.maxFrames(), toleranceFrames));
        }
        return new AlignmentComparison(dx, dy, scaleShift, List.copyOf(moved), List.copyOf(problems));
    }
}
