package org.vidkompy.temporal;

/**
 * Places the fg frames the pictures could not place (unmatched or uninformative): each gets the bg
 * frame nearest in time, i.e. extrapolated from the nearer matched neighbour at the frame-rate ratio,
 * then clamped into the bg and kept monotone (except across a jump back between matched frames, a replay).
 */
final class GapFiller {

    /**
     * @param map     path in bg columns (may hold virtual columns); rewritten to valid bg indices
     * @param matched which frames the pictures placed
     */
    void fill(int[] map, boolean[] matched, double bgPerFg, int bgSize) {
        int n = map.length;
        // Frames between two matched ones across a jump back (a replay): each follows its nearer side,
        // and the monotone repair below must not drag one side's frames to the other's.
        boolean[] acrossReplay = new boolean[n];
        int lastMatched = -1;
        int i = 0;
        while (i < n) {
            if (matched[i]) {
                lastMatched = i;
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < n && !matched[end + 1]) {
                end++;
            }
            int nextMatched = end + 1 < n ? end + 1 : -1;
            boolean back = lastMatched >= 0 && nextMatched >= 0 && map[nextMatched] < map[lastMatched];
            for (int k = i; k <= end; k++) {
                double fromLeft = lastMatched >= 0 ? map[lastMatched] + (k - lastMatched) * bgPerFg : Double.NaN;
                double fromRight = nextMatched >= 0 ? map[nextMatched] - (nextMatched - k) * bgPerFg : Double.NaN;
                double v;
                if (Double.isNaN(fromLeft) && Double.isNaN(fromRight)) {
                    v = k * bgPerFg; // nothing matched at all: plain frame-rate mapping from the start
                } else if (Double.isNaN(fromRight) || (!Double.isNaN(fromLeft) && k - lastMatched <= nextMatched - k)) {
                    v = fromLeft;
                } else {
                    v = fromRight;
                }
                map[k] = (int) Math.round(v);
                acrossReplay[k] = back;
            }
            i = end + 1;
        }
        for (int k = 0; k < n; k++) {
            map[k] = Math.max(0, Math.min(bgSize - 1, map[k]));
            if (k > 0 && map[k] < map[k - 1] && !acrossReplay[k]) {
                // Only a filled frame can fall behind (both anchors disagree across a cut); hold the bg frame.
                map[k] = matched[k] ? map[k] : map[k - 1];
            }
        }
        // A matched frame after a filled run that overshot: pull the filled run back down to it.
        for (int k = n - 2; k >= 0; k--) {
            if (map[k] > map[k + 1] && !matched[k] && !acrossReplay[k]) {
                map[k] = map[k + 1];
            }
        }
    }
}
