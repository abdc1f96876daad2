package org.vidkompy.synth;

/**
 * Builders for the ground-truth map from fg frame to bg frame: {@code map[j]} is the bg frame
 * index shown by fg frame {@code j}.
 */
public final class TimeMaps {

    private TimeMaps() {
    }

    /**
     * fg frame j shows bg frame {@code start + round(j * bgPerFg)}: another start, another frame
     * rate (25 to 30 fps duplicates bg frames, 24 to 12 skips every other one).
     */
    public static int[] linear(int fgFrames, int start, double bgPerFg) {
        return drifting(fgFrames, start, bgPerFg, 0);
    }

    /** Like {@link #linear} but the speed changes smoothly by {@code drift} (0.03 = 3 %) over the clip. */
    public static int[] drifting(int fgFrames, int start, double bgPerFg, double drift) {
        int[] map = new int[fgFrames];
        for (int j = 0; j < fgFrames; j++) {
            // Integral of a speed rising linearly from 1 to 1+drift.
            double pos = j * bgPerFg * (1 + drift * j / (2.0 * Math.max(1, fgFrames - 1)));
            map[j] = start + (int) Math.round(pos);
        }
        return map;
    }

    /** From fg frame {@code at} on, the fg skips {@code jump} bg frames ahead (an edit cut). */
    public static int[] withCut(int[] map, int at, int jump) {
        int[] out = map.clone();
        for (int j = at; j < out.length; j++) {
            out[j] += jump;
        }
        return out;
    }

    public static int max(int[] map) {
        int m = Integer.MIN_VALUE;
        for (int v : map) {
            m = Math.max(m, v);
        }
        return m;
    }
}
