package org.vidkompy.temporal;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the pyramid. The coarsest level is aligned over the whole lattice (any start, any offset),
 * so it is made just coarse enough to stay within a cell budget; each finer level is
 * {@value #STEP}x finer and only searched in a band around the coarser path. Coarse levels pool
 * bg units of {@code fgFactor x ratio} frames so the expected step there is exactly 1.
 */
final class LevelPlanner {

    static final int STEP = 8;

    List<AlignmentLevel> plan(int fgFrames, int bgFrames, double bgPerFg, long coarseCellBudget) {
        List<AlignmentLevel> levels = new ArrayList<>();
        if (fullCells(fgFrames, bgFrames, bgPerFg) <= coarseCellBudget) {
            levels.add(new AlignmentLevel(1, 1.0));
            return levels;
        }
        // cells(F) ~ (N/F) * (M/(F r) + 2N/F): solve for the F that meets the budget.
        double need = (double) fgFrames * (bgFrames / bgPerFg + 2.0 * fgFrames) / coarseCellBudget;
        int f = (int) Math.ceil(Math.sqrt(need));
        // A coarse bg unit shorter than two frames would pool nothing; go straight to full rate then.
        int minF = (int) Math.ceil(2.0 / bgPerFg);
        f = Math.max(f, Math.max(2, minF));
        while (f > 1) {
            levels.add(new AlignmentLevel(f, f * bgPerFg));
            int next = f / STEP;
            if (next < Math.max(2, minF)) {
                break;
            }
            f = next;
        }
        levels.add(new AlignmentLevel(1, 1.0));
        return levels;
    }

    static long fullCells(int fgFrames, int bgFrames, double bgPerFg) {
        long virtual = 2L * ((long) Math.ceil(fgFrames * bgPerFg) + 2);
        return (long) fgFrames * (bgFrames + virtual);
    }
}
