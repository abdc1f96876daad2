package org.vidkompy.temporal;

import java.util.Arrays;

/**
 * A variable-rate fg laid on a regular time grid, so the alignment's step priors (which expect the
 * same bg step from one fg row to the next) hold: every fg frame takes the grid slot nearest its
 * timestamp, and slots no frame reached (drops, bursts, pauses of a screen capture) stay empty,
 * carrying no picture, so the path crosses them at the expected rate. The grid's step is the fg's
 * median frame duration; a constant-rate fg lands one frame per slot and nothing changes.
 */
final class TimeGrid {

    /** Empty slots in a row beyond this are dropped (a long pause becomes a forward jump of the path). */
    static final int MAX_GAP = 250;

    private final int[] slotOf;
    private final int slots;
    private final double fps;

    private TimeGrid(int[] slotOf, int slots, double fps) {
        this.slotOf = slotOf;
        this.slots = slots;
        this.fps = fps;
    }

    /**
     * @param times       every fg frame's presentation time, seconds, rising
     * @param nominalFps  the rate to use when the timestamps give none (one frame, equal times)
     */
    static TimeGrid of(double[] times, double nominalFps) {
        int n = times.length;
        double step = medianStep(times);
        if (!(step > 0)) {
            step = 1 / nominalFps;
        }
        int[] slotOf = new int[n];
        int prev = -1;
        double t0 = n > 0 ? times[0] : 0;
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            long k = Math.round((times[i] - t0) / step) - dropped;
            if (k > prev + 1 + MAX_GAP) {
                dropped += (int) (k - prev - 1 - MAX_GAP);
                k = prev + 1 + MAX_GAP;
            }
            int slot = (int) Math.max(k, prev + 1);
            slotOf[i] = slot;
            prev = slot;
        }
        return new TimeGrid(slotOf, prev + 1, 1 / step);
    }

    /** True when every frame has its own slot and no slot is empty. */
    boolean isIdentity() {
        return slots == slotOf.length;
    }

    /** The grid's rate, frames per second. */
    double fps() {
        return fps;
    }

    int slots() {
        return slots;
    }

    int slotOf(int frame) {
        return slotOf[frame];
    }

    /** The fg's descriptors on the grid: each frame in its slot, empty slots uninformative. */
    DescriptorSequence spread(DescriptorSequence fg) {
        int[] source = new int[slots];
        Arrays.fill(source, -1);
        for (int i = 0; i < slotOf.length; i++) {
            source[slotOf[i]] = i;
        }
        return fg.resampled(source);
    }

    /** An alignment of the grid read back per fg frame. */
    TemporalAlignment gather(TemporalAlignment onGrid, DescriptorSequence fg) {
        int n = slotOf.length;
        int[] map = new int[n];
        float[] conf = new float[n];
        boolean[] flat = new boolean[n];
        boolean[] unmatched = new boolean[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int k = slotOf[i];
            map[i] = onGrid.map()[k];
            conf[i] = onGrid.frameConfidence()[k];
            flat[i] = fg.isUninformative(i);
            unmatched[i] = !flat[i] && conf[i] == 0f;
            sum += conf[i];
        }
        return new TemporalAlignment(map, conf, n == 0 ? 0 : sum / n, org.vidkompy.media.FrameRange.runsOf(unmatched),
                org.vidkompy.media.FrameRange.runsOf(flat));
    }

    /** The median time between consecutive frames, seconds; NaN for fewer than two frames. */
    static double medianStep(double[] times) {
        if (times.length < 2) {
            return Double.NaN;
        }
        double[] d = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            d[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }
}
