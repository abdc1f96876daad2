package org.vidkompy.temporal;

/**
 * Finds fg frames that run past the bg end (or start before the bg start) but were parked on the last
 * (first) bg frame, because repeating a similar-looking edge frame costs less than admitting there is
 * no bg at all. In slow footage such frames still correlate well with the edge frame, so a cost
 * threshold alone cannot catch them; the frame rate can: once the path reaches the edge, fg frames
 * later (earlier) than the ratio allows are outside the bg, unless the fg itself holds still there.
 */
final class BoundaryOverrun {

    /**
     * Marks in {@code outside} the overrunning frames.
     *
     * @param path  refined path in bg columns (virtual columns allowed)
     * @param cost  cost per frame at the path (NaN = no evidence)
     * @param still largest cost increase over the first parked frame that still counts as the same picture
     */
    void mark(int[] path, float[] cost, double bgPerFg, int bgSize, float still, boolean[] outside) {
        int n = path.length;
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (path[i] >= bgSize - 1) {
                first = i;
                break;
            }
        }
        if (first >= 0) {
            float ref = Float.isNaN(cost[first]) ? 0f : cost[first];
            for (int i = first + 1; i < n; i++) {
                boolean pastByRate = (i - first) * bgPerFg >= 0.5;
                boolean samePicture = !Float.isNaN(cost[i]) && cost[i] <= ref + still;
                if (path[i] >= bgSize - 1 && pastByRate && !samePicture) {
                    outside[i] = true;
                }
            }
        }
        int last = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (path[i] <= 0) {
                last = i;
                break;
            }
        }
        if (last >= 0) {
            float ref = Float.isNaN(cost[last]) ? 0f : cost[last];
            for (int i = last - 1; i >= 0; i--) {
                boolean beforeByRate = (last - i) * bgPerFg >= 0.5;
                boolean samePicture = !Float.isNaN(cost[i]) && cost[i] <= ref + still;
                if (path[i] <= 0 && beforeByRate && !samePicture) {
                    outside[i] = true;
                }
            }
        }
    }
}
