package org.vidkompy.media;

import java.util.ArrayList;
import java.util.List;

/**
 * A place where the fg's time jumps in the bg: an edit cut forward, or back (a replay: bg moments
 * shown again). Read off the map itself, so it is never out of step with what the render does.
 *
 * @param fgFrame  the first fg frame after the jump
 * @param bgBefore the bg frame under the fg frame before it
 * @param bgAfter  the bg frame under {@code fgFrame}
 */
public record TimeJump(int fgFrame, int bgBefore, int bgAfter) {

    /** True for a jump back in bg time (a replay). */
    public boolean backward() {
        return bgAfter < bgBefore;
    }

    /** "back" or "forward", as the alignment file spells it. */
    public String direction() {
        return backward() ? "back" : "forward";
    }

    /**
     * The jumps of a map: every step back, and every step forward longer than the frame rates explain
     * (more than two bg frames beyond the ratio, as the time refinement counts a cut).
     *
     * @param bgPerFg bg frames per fg frame; where unknown (not a positive number) only steps back count
     */
    public static List<TimeJump> in(int[] map, double bgPerFg) {
        double maxStep = bgPerFg > 0 && !Double.isInfinite(bgPerFg) ? Math.ceil(bgPerFg) + 2 : Double.MAX_VALUE;
        List<TimeJump> jumps = new ArrayList<>();
        for (int i = 1; i < map.length; i++) {
            int d = map[i] - map[i - 1];
            if (d < 0 || d > maxStep) {
                jumps.add(new TimeJump(i, map[i - 1], map[i]));
            }
        }
        return List.copyOf(jumps);
    }
}
