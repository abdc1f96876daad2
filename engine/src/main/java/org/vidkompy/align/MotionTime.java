package org.vidkompy.align;

import java.util.Arrays;
import org.vidkompy.temporal.TimeLine;

/**
 * When in the bg an fg's camera move happened, from the move alone: over a pan or a tilt across a still
 * scene, every place along the move fits some moment of the bg, and the pictures cannot say which; a
 * camera that speeds up or slows down can. The fg's picture moves as the bg's did at the true moments,
 * step for step, so with time running as the timestamps say (one offset for the clip), the offset at
 * which the bg's path ({@link CameraPath}) moves as the fg's does is the fg's moment, wherever it lies.
 */
final class MotionTime {

    /** Bg pixels the fg's picture must travel over the clip for its move to say anything. */
    static final double MIN_TRAVEL = 3;
    /** The best offset's mismatch must be below this share of the median offset's to stand. */
    static final double CLEAR = 0.2;
    /** How far the fg's path may be stretched to fit the bg's ({@link #misfit}). */
    static final double GAIN = 0.03;
    /** Fg frames the offsets are judged on, at most, spread over the clip. */
    static final int MAX_FRAMES = 512;
    /** Offsets tried per bg frame. */
    static final int STEPS_PER_FRAME = 4;

    private MotionTime() {
    }

    /**
     * The offset (bg time minus fg time, seconds) at which the bg's path moves as the fg's, and the span
     * of offsets around it that fit within twice its mismatch: where the paths' own noise (a small,
     * compressed fg's path wanders by a pixel or two) is as large as what an offset explains, a few
     * frames either way fit as well.
     */
    record Moment(double offset, double low, double high) {
        boolean holds(double t) {
            return t >= low && t <= high;
        }
    }

    /**
     * When the fg's move happened in the bg ({@link Moment}), or null where the fg hardly moves or no
     * offset stands out.
     *
     * @param bgPixel  bg pixels per thumbnail pixel of {@code bg}
     * @param fgPixelX bg pixels per thumbnail pixel of {@code fg} across (its thumbnail pixels in fg pixels,
     *                 times the placement's scale); {@code fgPixelY} down
     */
    static Moment moment(CameraPath bg, double bgPixel, CameraPath fg, double fgPixelX, double fgPixelY,
                         double[] fgTimes, double[] bgTimes) {
        int n = Math.min(fgTimes.length, fg.last() + 1);
        if (n < 2) {
            return null;
        }
        double[] fx = new double[n];
        double[] fy = new double[n];
        double travel = 0;
        for (int i = 0; i < n; i++) {
            fx[i] = fg.x(i) * fgPixelX;
            fy[i] = fg.y(i) * fgPixelY;
            travel = Math.max(travel, Math.hypot(fx[i], fy[i]));
        }
        if (travel < MIN_TRAVEL) {
            return null;
        }
        TimeLine line = new TimeLine(bgTimes);
        double span = fgTimes[n - 1] - fgTimes[0];
        double step = (bgTimes.length > 1 ? (bgTimes[bgTimes.length - 1] - bgTimes[0]) / (bgTimes.length - 1) : 1)
                / STEPS_PER_FRAME;
        // Offsets that keep the whole fg over the part of the bg whose path was read.
        double lo = bgTime(bgTimes, bg.first()) - fgTimes[0];
        double hi = bgTime(bgTimes, bg.last()) - fgTimes[0] - span;
        if (!(hi > lo)) {
            return null;
        }
        int count = (int) Math.floor((hi - lo) / step) + 1;
        // Every offset against every fg frame grows as the product of both clips' lengths (a 10-minute bg
        // and a 9-minute fg: 750 million lookups); the move is told as well by a few hundred frames.
        int[] used = spread(n, MAX_FRAMES);
        double[] gx = new double[used.length];
        double[] gy = new double[used.length];
        for (int u = 0; u < used.length; u++) {
            gx[u] = fx[used[u]];
            gy[u] = fy[used[u]];
        }
        double[] cost = new double[count];
        double[] bx = new double[used.length];
        double[] by = new double[used.length];
        int best = 0;
        for (int k = 0; k < count; k++) {
            double o = lo + k * step;
            double j0 = line.position(fgTimes[0] + o);
            double bx0 = bg.x(j0);
            double by0 = bg.y(j0);
            for (int u = 0; u < used.length; u++) {
                double j = line.position(fgTimes[used[u]] + o);
                bx[u] = (bg.x(j) - bx0) * bgPixel;
                by[u] = (bg.y(j) - by0) * bgPixel;
            }
            cost[k] = (misfit(bx, gx) + misfit(by, gy)) / (used.length - 1);
            if (cost[k] < cost[best]) {
                best = k;
            }
        }
        double[] sorted = cost.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        if (!(cost[best] < CLEAR * median)) {
            return null;
        }
        int a = best;
        while (a > 0 && cost[a - 1] <= 2 * cost[best]) {
            a--;
        }
        int b = best;
        while (b < count - 1 && cost[b + 1] <= 2 * cost[best]) {
            b++;
        }
        return new Moment(lo + best * step, lo + a * step, lo + b * step);
    }

    /**
     * What is left of the bg's path {@code b} against the fg's {@code f} once the fg's is stretched by the
     * factor that fits best, within {@link #GAIN}: the placement's scale, from rounds on a few pairs, may
     * be off by a little, and a move of 200 px measured 1 % short put the moment a frame off.
     */
    private static double misfit(double[] b, double[] f) {
        double bf = 0;
        double ff = 0;
        for (int i = 0; i < b.length; i++) {
            bf += b[i] * f[i];
            ff += f[i] * f[i];
        }
        double g = ff > 0 ? Math.max(1 - GAIN, Math.min(1 + GAIN, bf / ff)) : 1;
        double sum = 0;
        for (int i = 0; i < b.length; i++) {
            double d = b[i] - g * f[i];
            sum += d * d;
        }
        return sum;
    }

    /** {@code max} of {@code 0..n-1} spread evenly, the first and the last among them; all where {@code n <= max}. */
    private static int[] spread(int n, int max) {
        int m = Math.min(n, max);
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            out[k] = m == n ? k : (int) Math.round((double) k * (n - 1) / (m - 1));
        }
        return out;
    }

    private static double bgTime(double[] bgTimes, int frame) {
        return bgTimes[Math.max(0, Math.min(bgTimes.length - 1, frame))];
    }
}
