package org.vidkompy.align;

import java.util.Arrays;
import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.Plane;
import org.vidkompy.image.ToneCurve;
import org.vidkompy.temporal.TemporalAlignment;

/**
 * What the bg shows over the fg's picture and the fg lacks: a channel's logo, burned-in subtitles, a
 * bar. Those pixels miss in every pair of frames that show the same moment, and each of them pulls
 * every comparison down as much as a wrong moment would: a TV version's translucent subtitle bar over
 * 12 % of a 400x300 fg left 62 of its 144 frames matching nothing, and the fg "not found". Found
 * from the pairs a time alignment matched: the fine-thumbnail pixels whose mean miss (each frame's
 * pixels in units of its own spread, so a grade does not count) is several times the typical one.
 */
final class OverlayMask {

    /** Matched pairs looked at, at most, spread over the clip. */
    static final int MAX_PAIRS = 48;
    /** Fewer matched pairs than this tell nothing. */
    static final int MIN_PAIRS = 8;
    /** A pixel whose mean miss is this many times the median pixel's stands out. */
    static final double FACTOR = 3;
    /**
     * ...and at least this much, in units of a frame's spread: where the fg fits everywhere, three
     * times a tiny miss is still a fit (two unrelated pictures miss by about 1.1).
     */
    static final double MIN_MISS = 0.5;
    /** Less than this share standing out is noise; more is not an overlay but another picture. */
    static final double MIN_SHARE = 0.02;
    static final double MAX_SHARE = 0.35;

    private OverlayMask() {
    }

    /**
     * The fine-thumbnail pixels to leave out, or null where none stand out.
     *
     * @param cut  cuts the fg's footprint from a stored bg thumbnail at the fine size
     * @param tone maps the fg's levels onto the bg's grade
     * @param mask the pixels compared so far (null: all)
     */
    static boolean[] of(ThumbnailStore fine, ThumbnailStore bgStore, AreaSampler cut, ToneCurve tone,
                        TemporalAlignment time, boolean[] mask) {
        int w = fine.width();
        int h = fine.height();
        int n = w * h;
        int[] map = time.map();
        boolean[] lost = new boolean[map.length];
        time.unmatched().forEach(r -> Arrays.fill(lost, r.first(), r.last() + 1, true));
        int[] pairs = java.util.stream.IntStream.range(0, Math.min(map.length, fine.size()))
                .filter(i -> !lost[i] && time.frameConfidence()[i] > 0).toArray();
        if (pairs.length < MIN_PAIRS) {
            return null;
        }
        double[] miss = new double[n];
        float[] f = new float[n];
        Plane b = Plane.allocate(w, h);
        int used = 0;
        int take = Math.min(MAX_PAIRS, pairs.length);
        for (int k = 0; k < take; k++) {
            int i = pairs[(int) ((long) k * pairs.length / take)];
            byte[] c = fine.chunk(i);
            int off = fine.offset(i);
            for (int p = 0; p < n; p++) {
                f[p] = tone.map(c[off + p] & 0xff);
            }
            cut.apply(bgStore.chunk(map[i]), bgStore.offset(map[i]), b);
            if (addMiss(f, b.data(), mask, miss)) {
                used++;
            }
        }
        if (used < MIN_PAIRS) {
            return null;
        }
        int compared = 0;
        double[] sorted = new double[n];
        for (int p = 0; p < n; p++) {
            if (mask == null || mask[p]) {
                sorted[compared++] = miss[p] / used;
            }
        }
        if (compared == 0) {
            return null;
        }
        double[] within = Arrays.copyOf(sorted, compared);
        Arrays.sort(within);
        double threshold = Math.max(MIN_MISS, FACTOR * within[compared / 2]);
        boolean[] out = new boolean[n];
        for (int p = 0; p < n; p++) {
            out[p] = (mask == null || mask[p]) && miss[p] / used > threshold;
        }
        boolean[] grown = grown(out, w, h);
        int count = 0;
        for (int p = 0; p < n; p++) {
            if (grown[p] && (mask == null || mask[p])) {
                count++;
            }
        }
        double share = (double) count / compared;
        return share >= MIN_SHARE && share <= MAX_SHARE ? grown : null;
    }

    /** Adds one pair's per-pixel miss, each picture in units of its own spread; false for a flat one. */
    private static boolean addMiss(float[] f, float[] b, boolean[] mask, double[] miss) {
        double fs = 0;
        double fq = 0;
        double bs = 0;
        double bq = 0;
        int m = 0;
        for (int p = 0; p < f.length; p++) {
            if (mask == null || mask[p]) {
                fs += f[p];
                fq += (double) f[p] * f[p];
                bs += b[p];
                bq += (double) b[p] * b[p];
                m++;
            }
        }
        if (m == 0) {
            return false;
        }
        double fm = fs / m;
        double bm = bs / m;
        double fd = Math.sqrt(Math.max(0, fq / m - fm * fm));
        double bd = Math.sqrt(Math.max(0, bq / m - bm * bm));
        if (fd < 1 || bd < 1) {
            return false;
        }
        for (int p = 0; p < f.length; p++) {
            if (mask == null || mask[p]) {
                miss[p] += Math.abs((f[p] - fm) / fd - (b[p] - bm) / bd);
            }
        }
        return true;
    }

    /** The pixels and their eight neighbours: an overlay's soft edge misses less than its middle. */
    private static boolean[] grown(boolean[] on, int w, int h) {
        boolean[] out = new boolean[on.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!on[y * w + x]) {
                    continue;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int u = x + dx;
                        int v = y + dy;
                        if (u >= 0 && v >= 0 && u < w && v < h) {
                            out[v * w + u] = true;
                        }
                    }
                }
            }
        }
        return out;
    }
}
