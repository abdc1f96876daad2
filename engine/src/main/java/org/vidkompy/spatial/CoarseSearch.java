package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.List;
import org.vidkompy.image.Plane;
import org.vidkompy.image.PlaneStats;
import org.vidkompy.image.Resampler;

/**
 * Thumbnail search: every usable fg sample, shrunk to each scale of the sweep so that its pixels
 * match the bg thumbnail's, is correlated against every bg thumbnail in one batch; the strongest
 * separated peaks of each surface become {@link Candidate}s.
 */
final class CoarseSearch {

    /** Templates smaller than this (thumbnail pixels) carry too little structure to locate. */
    static final int MIN_TEMPLATE = 8;
    /** Runner-up peaks let a pair vote for a second place when its best peak is a look-alike. */
    static final int PEAKS_PER_PAIR = 2;
    static final double FLAT_STD = 2;

    private final Correlator correlator;
    private final PeakFinder peakFinder = new PeakFinder();

    CoarseSearch(Correlator correlator) {
        this.correlator = correlator;
    }

    Correlator correlator() {
        return correlator;
    }

    /**
     * @param fgContents fg samples cropped to the content box, full resolution
     * @param bgThumbs   bg samples shrunk by {@code factor}
     * @param factor     bg pixels per thumbnail pixel
     */
    List<Candidate> run(List<Plane> fgContents, List<Plane> bgThumbs, double factor, List<Double> scales) {
        int thumbW = bgThumbs.get(0).width();
        int thumbH = bgThumbs.get(0).height();
        List<Plane> templates = new ArrayList<>();
        List<int[]> origin = new ArrayList<>(); // fg index, scale index
        for (int si = 0; si < scales.size(); si++) {
            double s = scales.get(si);
            for (int fi = 0; fi < fgContents.size(); fi++) {
                Plane fg = fgContents.get(fi);
                double shrink = factor / s;
                int tw = (int) Math.floor(fg.width() / shrink + 1e-9);
                int th = (int) Math.floor(fg.height() / shrink + 1e-9);
                if (tw < MIN_TEMPLATE || th < MIN_TEMPLATE || tw > thumbW || th > thumbH) {
                    continue;
                }
                Plane tpl = Resampler.sample(fg, 0, 0, shrink, tw, th);
                if (PlaneStats.of(tpl).std() < FLAT_STD) {
                    continue;
                }
                templates.add(tpl);
                origin.add(new int[] {fi, si});
            }
        }
        List<Candidate> out = new ArrayList<>();
        if (templates.isEmpty()) {
            return out;
        }
        correlator.correlate(templates, bgThumbs, (t, i, surface) -> {
            Plane tpl = templates.get(t);
            int radius = Math.max(2, Math.min(tpl.width(), tpl.height()) / 4);
            int fi = origin.get(t)[0];
            double s = scales.get(origin.get(t)[1]);
            for (Peak p : peakFinder.strongest(surface, PEAKS_PER_PAIR, radius)) {
                // Thumbnail pixel j covers bg [j*factor, (j+1)*factor), and the template's first pixel
                // starts at the content's top-left.
                out.add(new Candidate(fi, i, s, p.x() * factor, p.y() * factor, p.value()));
            }
        });
        return out;
    }
}
