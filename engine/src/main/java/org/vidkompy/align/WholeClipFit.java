package org.vidkompy.align;

import java.util.HashMap;
import java.util.Map;
import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.media.Clip;
import org.vidkompy.media.ClipSource;
import org.vidkompy.media.Footprint;
import org.vidkompy.spatial.SpatialAlignment;

/**
 * The placement at which the whole clip fits best, each fg frame against the bg frames around the one the
 * map puts under it.
 *
 * <p>Where the bg pans, a placement a fraction of a pixel along the pan and a map a fraction of a frame
 * off explain the final placement's few frame pairs as well as the truth does: only what moves on its own
 * paths tells them apart, and four pairs rarely show enough of it. The whole clip does. On generated pairs
 * that the rounds left 0.4 px off with half the frames a frame off (a 20 fps fg at scale 0.54, a 19 fps
 * one at scale 1.86, a phone capture at 1.35), the summed fine-thumbnail cost of the whole clip, with the
 * map re-chosen at each placement, was 22, 10 and 12 % lower at the true placement than at theirs, and
 * lowest there; on pairs placed right, lowest where they were.
 *
 * <p>A descent on a grid of {@link #STEP} fine-thumbnail pixels, from memory ({@link TimeMatcher#misfit}: no
 * decoding). What it finds is where the rounds start again: the final placement at full resolution, from
 * the frame pairs of the map found there, still places the fg, unless the rounds go back to where the clip
 * fits worse.
 */
final class WholeClipFit {

    /** Grid step in fine-thumbnail pixels (where a fraction of a bg pixel matters, about that much). */
    static final double STEP = 0.2;
    /** Share of the misfit a step must remove to be taken: the misfit is a sum, noisy to a percent or so. */
    static final double GAIN = 0.02;
    /** Steps at most; each tries up to three new neighbours. */
    static final int MAX_STEPS = 8;

    private final TimeMatcher timing;

    WholeClipFit(TimeMatcher timing) {
        this.timing = timing;
    }

    /**
     * A placement where the whole clip fits clearly better than at {@code place} (whose match is
     * {@code at}), or null where none nearby does.
     */
    SpatialAlignment better(ClipSource bg, Scans scans, SpatialAlignment place, TimeMatcher.Match at,
                            AnalysisOptions options) {
        if (place.confidence() >= PlacementRounds.UNAMBIGUOUS) {
            return null; // pairs that match all but perfectly leave no room to trade time for position
        }
        Footprint area = Footprint.of(place.x(), place.y(), place.scale(), scans.box());
        double step = STEP * Math.max(area.width() / scans.fg().fine().width(),
                area.height() / scans.fg().fine().height());
        Clip bi = bg.info();
        // The same pixels at every placement tried (those the fg covers of the bg where the rounds ended),
        // so that the sums compare.
        boolean[] mask = timing.fineMask(bi, scans, place, options);
        Map<Long, Double> tried = new HashMap<>();
        misfit(bi, scans, place, 0, 0, at, mask, tried, key(0, 0));
        int cx = 0;
        int cy = 0;
        boolean moved = false;
        for (int k = 0; k < MAX_STEPS; k++) {
            double here = tried.get(key(cx, cy));
            int bx = cx;
            int by = cy;
            double best = here;
            for (int d = 0; d < 4; d++) {
                int gx = cx + (d == 0 ? 1 : d == 1 ? -1 : 0);
                int gy = cy + (d == 2 ? 1 : d == 3 ? -1 : 0);
                double m = misfit(bi, scans, place, gx * step, gy * step, at, mask, tried, key(gx, gy));
                if (m < best) {
                    best = m;
                    bx = gx;
                    by = gy;
                }
            }
            if (best > here * (1 - GAIN)) {
                break;
            }
            cx = bx;
            cy = by;
            moved = true;
        }
        if (!moved) {
            return null;
        }
        double fx = cx + vertex(tried.get(key(cx - 1, cy)), tried.get(key(cx, cy)), tried.get(key(cx + 1, cy)));
        double fy = cy + vertex(tried.get(key(cx, cy - 1)), tried.get(key(cx, cy)), tried.get(key(cx, cy + 1)));
        return new SpatialAlignment(place.x() + fx * step, place.y() + fy * step, place.scale(), place.confidence(),
                place.consensus());
    }

    private double misfit(Clip bi, Scans scans, SpatialAlignment place, double dx, double dy, TimeMatcher.Match at,
                          boolean[] mask, Map<Long, Double> tried, long key) {
        Double known = tried.get(key);
        if (known != null) {
            return known;
        }
        SpatialAlignment q = new SpatialAlignment(place.x() + dx, place.y() + dy, place.scale(), place.confidence(),
                place.consensus());
        double m = timing.misfit(bi, scans, q, at, mask);
        tried.put(key, m);
        return m;
    }

    /** Where a parabola through three equally spaced values is lowest, in steps from the middle (within ±1/2). */
    private static double vertex(Double left, double mid, Double right) {
        if (left == null || right == null || left == Double.MAX_VALUE || right == Double.MAX_VALUE) {
            return 0;
        }
        double curve = left - 2 * mid + right;
        return curve <= 0 ? 0 : Math.max(-0.5, Math.min(0.5, (left - right) / (2 * curve)));
    }

    private static long key(int gx, int gy) {
        return ((long) gx << 32) ^ (gy & 0xffffffffL);
    }
}
