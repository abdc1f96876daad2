package org.vidkompy.align;

import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.Plane;
import org.vidkompy.image.ToneCurve;
import org.vidkompy.temporal.TemporalAlignment;
import java.util.stream.IntStream;

/**
 * The fg's grade mapped onto the bg's ({@link ToneCurve}), from the fine fg thumbnails and the bg
 * footprint cut from the stored thumbnails at the same size, over frames the time map pairs with a
 * bg frame. Not over frames it found no bg frame for: an fg reaching 2 s past either end of a bg
 * excerpt had those frames held on the bg's first and last frames, and the histograms of other
 * pictures (tree tops below a sky the bg had not reached yet) bent the curve so far that, at the true
 * placement, the fine thumbnails of the frames inside matched at ZNCC 0.83 and 30 of them fell 2-3
 * frames early.
 */
final class ToneMatch {

    /** Frame pairs pooled into the two histograms. */
    static final int PAIRS = 64;

    private ToneMatch() {
    }

    /**
     * @param mask the compared pixels of the fine thumbnails (over the bg, in the border), or null for all
     */
    static ToneCurve of(ThumbnailStore fgFine, ThumbnailStore bgStore, AreaSampler bgCut, TemporalAlignment time,
                        boolean[] mask) {
        int[] map = time.map();
        int[] matched = matched(time);
        int n = matched.length;
        if (n == 0) {
            return ToneCurve.identity();
        }
        long[] fgHist = new long[256];
        long[] bgHist = new long[256];
        Plane f = Plane.allocate(fgFine.width(), fgFine.height());
        Plane b = Plane.allocate(fgFine.width(), fgFine.height());
        int count = Math.min(PAIRS, n);
        for (int k = 0; k < count; k++) {
            int i = matched[(int) ((k + 0.5) * n / count)];
            int j = map[i];
            if (j < 0 || j >= bgStore.size()) {
                continue;
            }
            byte[] c = fgFine.chunk(i);
            int off = fgFine.offset(i);
            float[] d = f.data();
            for (int p = 0; p < d.length; p++) {
                d[p] = c[off + p] & 0xff;
            }
            bgCut.apply(bgStore.chunk(j), bgStore.offset(j), b);
            ToneCurve.count(f, mask, fgHist);
            ToneCurve.count(b, mask, bgHist);
        }
        return ToneCurve.matching(fgHist, bgHist);
    }

    /** The fg frames the map found a bg frame for; all of them where it found none (nothing better to go on). */
    private static int[] matched(TemporalAlignment time) {
        int[] found = time.matchedFrames();
        return found.length > 0 ? found : IntStream.range(0, time.map().length).toArray();
    }
}
