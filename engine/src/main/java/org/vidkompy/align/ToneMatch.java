package org.vidkompy.align;

import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.Plane;
import org.vidkompy.image.ToneCurve;

/**
 * The fg's grade mapped onto the bg's ({@link ToneCurve}), from the fine fg thumbnails and the bg
 * footprint cut from the stored thumbnails at the same size, over frames the time map pairs.
 */
final class ToneMatch {

    /** Frame pairs pooled into the two histograms. */
    static final int PAIRS = 64;

    private ToneMatch() {
    }

    /**
     * @param mask the compared pixels of the fine thumbnails (over the bg, in the border), or null for all
     */
    static ToneCurve of(ThumbnailStore fgFine, ThumbnailStore bgStore, AreaSampler bgCut, int[] map, boolean[] mask) {
        int n = map.length;
        if (n == 0) {
            return ToneCurve.identity();
        }
        long[] fgHist = new long[256];
        long[] bgHist = new long[256];
        Plane f = Plane.allocate(fgFine.width(), fgFine.height());
        Plane b = Plane.allocate(fgFine.width(), fgFine.height());
        int count = Math.min(PAIRS, n);
        for (int k = 0; k < count; k++) {
            int i = (int) ((k + 0.5) * n / count);
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
}
