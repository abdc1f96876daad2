package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.List;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.Plane;

/**
 * The search for an fg that lies partly outside the bg. The FFT search only tries placements with
 * the whole template inside the bg; an overhanging fg has no such placement, but some part of it
 * does: a tile of half its width and height at one of nine offsets, or a strip along one of its
 * edges ({@link #tiles}), lies over the bg whenever enough of the fg does. Each tile is searched like
 * a whole fg; the best tile that puts the whole fg partly outside the bg, with at least
 * {@link #MIN_OVERLAP} of it over the bg, gives the placement, which the fg samples then vote on over
 * the whole overlap ({@link SearchSession#refineVoted}). The final placement refines it on the overlap
 * only ({@link PlacementRefiner} with overhang).
 */
final class OverhangSearch {

    /** Share of the fg content's area that must lie over the bg. */
    static final double MIN_OVERLAP = 0.3;
    /** Tile size as a share of the content's width and height. */
    static final double TILE = 0.5;
    /** A placement with less than this many times {@link #MIN_OVERLAP} over the bg is at the refinement's limit. */
    static final double AT_LIMIT = 1.01;
    /** Width (height) of the strips along the left and right (top and bottom) edges, as a share of the content's. */
    static final double STRIP = MIN_OVERLAP;
    /** Tile offsets, as shares of the content's width and height. */
    static final double[] OFFSETS = {0, 0.25, 0.5};
    /** A placement overhangs when it reaches beyond the bg by more than this many bg pixels. */
    static final double SLACK = 1;
    /** The tile in the middle of the content, searched first: it lies over the bg most often. */
    static final int CENTRE_TILE = 4;
    /** The whole overlap's ZNCC at a tile's placement above which no other tile is searched. */
    static final double CONVINCING = 0.95;
    /** Tile placements, the best first, judged on the whole overlap. */
    static final int JUDGED = 4;
    /** bg samples per fg sample refined on their own from the chosen tile's placement, before the vote. */
    static final int REFINED_PAIRS = 3;

    private final Correlator correlator;
    private final ScaleSweep sweep = new ScaleSweep();
    private final UnscaledPreference preference = new UnscaledPreference();

    OverhangSearch(Correlator correlator) {
        this.correlator = correlator;
    }

    /** The best overhanging placement of the content, or null when no tile finds one. */
    SearchResult search(List<Plane> fgContents, List<Plane> bgs, PrecisionPreset preset, boolean unscaled) {
        Plane fg0 = fgContents.get(0);
        Plane bg0 = bgs.get(0);
        Bounds all = new Bounds(bg0.width(), bg0.height(), fg0.width(), fg0.height(), SearchSession.MIN_SCALE, true);
        List<SearchResult> found = new ArrayList<>();
        SearchSession whole = new SearchSession(fgContents, bgs, preset, correlator, true);
        SearchResult best = null;
        List<PixelRect> tiles = new ArrayList<>(tiles(fg0.width(), fg0.height()));
        tiles.add(0, tiles.remove(CENTRE_TILE));
        for (PixelRect tile : tiles) {
            SearchResult r = searchTile(tile, fgContents, bgs, preset, unscaled);
            if (r == null) {
                continue;
            }
            ContentPlacement t = r.placement();
            ContentPlacement p = new ContentPlacement(t.x() - tile.x() * t.scale(), t.y() - tile.y() * t.scale(),
                    t.scale());
            // A placement inside the bg is the ordinary search's to find.
            if (!all.overhangs(p, SLACK) || all.overlapShare(p) < MIN_OVERLAP) {
                continue;
            }
            // Each tile is a whole search over every scale (13 of them took 12 s of a 1024x576 fg's 24 s):
            // where the whole overlap confirms a tile's placement beyond doubt, the rest are not searched.
            double z = whole.measure(p);
            if (z >= CONVINCING) {
                best = new SearchResult(p, z, r.consensus());
                break;
            }
            found.add(new SearchResult(p, r.confidence(), r.consensus()));
        }
        // A tile of the fg matches something by chance far more easily than the whole overlap: the
        // leading tiles' placements are judged by the ZNCC of everything over the bg there.
        found.sort(java.util.Comparator.comparingDouble(SearchResult::confidence).reversed());
        if (best == null) {
            for (SearchResult r : found.subList(0, Math.min(JUDGED, found.size()))) {
                double z = whole.measure(r.placement());
                if (best == null || z > best.confidence()) {
                    best = new SearchResult(r.placement(), z, r.consensus());
                }
            }
        }
        if (best == null) {
            return null;
        }
        // The tile's own search, and the single pair that fits best, may lean on pairs of different
        // moments of a pan, which fit a few pixels aside; the fg samples' vote settles it.
        SearchResult refined = whole.refineVoted(best.placement(), REFINED_PAIRS,
                !(unscaled && best.placement().scale() == 1.0));
        SearchResult out = refined != null ? refined : best;
        // Pressed against the least overlap the refinement allows, the fit wanted to go further out:
        // less than the minimum lies over the bg, and a strip that thin matches something by chance.
        return all.overlapShare(out.placement()) < MIN_OVERLAP * AT_LIMIT ? null : out;
    }

    /**
     * The nine tiles of half the content's width and height, and the four strips along its edges: an
     * fg shifted far off one edge may show less than half its width (down to {@link #MIN_OVERLAP} of
     * it) over its whole height, where no half-tile lies over the bg.
     */
    static List<PixelRect> tiles(int width, int height) {
        List<PixelRect> out = new ArrayList<>();
        int tw = (int) Math.round(width * TILE);
        int th = (int) Math.round(height * TILE);
        for (double oy : OFFSETS) {
            for (double ox : OFFSETS) {
                out.add(new PixelRect((int) Math.round(width * ox), (int) Math.round(height * oy), tw, th));
            }
        }
        int sw = (int) Math.floor(width * STRIP);
        int sh = (int) Math.floor(height * STRIP);
        out.add(new PixelRect(0, 0, sw, height));
        out.add(new PixelRect(width - sw, 0, sw, height));
        out.add(new PixelRect(0, 0, width, sh));
        out.add(new PixelRect(0, height - sh, width, sh));
        return out;
    }

    private SearchResult searchTile(PixelRect tile, List<Plane> fgContents, List<Plane> bgs, PrecisionPreset preset,
                                    boolean unscaled) {
        List<Plane> tiles = new ArrayList<>(fgContents.size());
        for (Plane p : fgContents) {
            tiles.add(tile.crop(p));
        }
        SearchSession session = new SearchSession(tiles, bgs, preset, correlator);
        double fit = session.bounds().fitScale();
        if (unscaled && fit >= 1) {
            SearchResult unit = session.within(1).search(List.of(1.0), false);
            if (unit != null && preference.unitUnbeatable(unit.confidence())) {
                return unit;
            }
            List<Double> scales = sweep.scales(fit, preset.scaleStep());
            SearchResult scaled = session.within(scales.size()).search(scales, true);
            if (unit == null || scaled != null && preference.scaledClearlyBetter(scaled.confidence(), unit.confidence())) {
                return scaled;
            }
            return unit;
        }
        List<Double> scales = sweep.scales(fit, preset.scaleStep());
        return session.within(scales.size()).search(scales, true);
    }
}
