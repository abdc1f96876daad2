package org.vidkompy.align;

import java.util.HashMap;
import java.util.Map;
import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.image.PixelRect;
import org.vidkompy.media.Clip;
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
 * <p>A descent on a grid whose steps move the footprint, or its edges about its centre (scale), by
 * {@link #STEP} fine-thumbnail pixels, from memory ({@link TimeMatcher#misfit}: no decoding). What it
 * finds is where the rounds start again: the final placement at full resolution, from the frame pairs of
 * the map found there, still places the fg, unless the rounds go back to where the clip fits worse.
 */
final class WholeClipFit {

    /** Grid step in fine-thumbnail pixels (where a fraction of a bg pixel matters, about that much). */
    static final double STEP = 0.2;
    /** Share of the misfit a step must remove to be taken: the misfit is a sum, noisy to a percent or so. */
    static final double GAIN = 0.02;
    /** Steps at most; each tries up to five new neighbours. */
    static final int MAX_STEPS = 8;

    private final TimeMatcher timing;

    WholeClipFit(TimeMatcher timing) {
        this.timing = timing;
    }

    /**
     * A placement where the whole clip fits clearly better than at {@code place} (whose match is
     * {@code at}), or null where none nearby does.
     */
    SpatialAlignment better(Clip bi, Scans scans, SpatialAlignment place, TimeMatcher.Match at,
                            AnalysisOptions options) {
        if (place.confidence() >= PlacementRounds.UNAMBIGUOUS) {
            return null; // pairs that match all but perfectly leave no room to trade time for position
        }
        Grid grid = new Grid(place, scans.box(), scans.fg().fine());
        // The same pixels at every placement tried (those the fg covers of the bg where the rounds ended),
        // so that the sums compare.
        boolean[] mask = timing.fineMask(bi, scans, place, options);
        int[] frames = TimeMatcher.misfitFrames(at.alignment());
        Map<Point, Double> tried = new HashMap<>();
        Point here = new Point(0, 0, 0);
        misfit(bi, scans, grid, here, at, mask, frames, tried);
        boolean moved = false;
        for (int k = 0; k < MAX_STEPS; k++) {
            double now = tried.get(here);
            Point best = here;
            double least = now;
            for (Point p : here.neighbours()) {
                double m = misfit(bi, scans, grid, p, at, mask, frames, tried);
                if (m < least) {
                    least = m;
                    best = p;
                }
            }
            if (least > now * (1 - GAIN)) {
                break;
            }
            here = best;
            moved = true;
        }
        if (!moved) {
            return null;
        }
        double mid = tried.get(here);
        Point[] n = here.neighbours();
        return grid.at(here.x() + vertex(tried.get(n[1]), mid, tried.get(n[0])),
                here.y() + vertex(tried.get(n[3]), mid, tried.get(n[2])),
                here.s() + vertex(tried.get(n[5]), mid, tried.get(n[4])));
    }

    /** A point of the grid, in steps along x, y and scale. */
    private record Point(int x, int y, int s) {
        /** +x, -x, +y, -y, +scale, -scale. */
        Point[] neighbours() {
            return new Point[] {new Point(x + 1, y, s), new Point(x - 1, y, s), new Point(x, y + 1, s),
                    new Point(x, y - 1, s), new Point(x, y, s + 1), new Point(x, y, s - 1)};
        }
    }

    /**
     * Placements around {@code place}: a step moves the footprint, or its edges about its centre, by
     * {@link #STEP} fine-thumbnail pixels.
     */
    private static final class Grid {
        private final SpatialAlignment place;
        private final double step;
        private final double scaleStep;
        private final double centreX;
        private final double centreY;

        Grid(SpatialAlignment place, PixelRect box, ThumbnailStore fine) {
            this.place = place;
            Footprint area = Footprint.of(place.x(), place.y(), place.scale(), box);
            this.step = STEP * Math.max(area.width() / fine.width(), area.height() / fine.height());
            this.scaleStep = 2 * step / Math.max(area.width(), area.height());
            this.centreX = box.x() + box.width() / 2.0;
            this.centreY = box.y() + box.height() / 2.0;
        }

        SpatialAlignment at(double gx, double gy, double gs) {
            double scale = place.scale() * (1 + gs * scaleStep);
            double x = place.x() + centreX * place.scale() - centreX * scale + gx * step;
            double y = place.y() + centreY * place.scale() - centreY * scale + gy * step;
            return new SpatialAlignment(x, y, scale, place.confidence(), place.consensus());
        }
    }

    private double misfit(Clip bi, Scans scans, Grid grid, Point p, TimeMatcher.Match at, boolean[] mask,
                          int[] frames, Map<Point, Double> tried) {
        Double known = tried.get(p);
        if (known != null) {
            return known;
        }
        double m = timing.misfit(bi, scans, grid.at(p.x(), p.y(), p.s()), at, mask, frames);
        tried.put(p, m);
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

}
