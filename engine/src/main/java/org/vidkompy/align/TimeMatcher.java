package org.vidkompy.align;

import org.vidkompy.media.ClipSource;
import java.util.List;
import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.Plane;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Footprint;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.temporal.DescriptorSequence;
import org.vidkompy.temporal.DescriptorSpec;
import org.vidkompy.temporal.TemporalAligner;
import org.vidkompy.temporal.TemporalAlignment;
import org.vidkompy.temporal.TemporalOptions;
import org.vidkompy.temporal.TimeLine;

/**
 * Which bg frame lies under every fg frame, for a placement: bg descriptors cut at the footprint,
 * the temporal alignment of the two descriptor sequences, then every frame re-chosen among its
 * neighbours on the larger fine thumbnails. Works from the scans' memory, so a moved placement
 * costs no decoding (except for a footprint too small in the stored thumbnails).
 */
final class TimeMatcher {

    /** A footprint smaller than this in the stored thumbnails is scanned from the video instead. */
    static final int STORE_MIN_FOOTPRINT = 24;

    /**
     * How much a frame the pictures did not decide alone counts for the time curve, against 1 for one
     * they did: enough to carry the curve through a noisy or slow stretch, too little to outvote clear
     * evidence nearby.
     */
    static final double UNDECIDED_WEIGHT = 0.1;

    private final TemporalAligner temporal;

    TimeMatcher(TemporalAligner temporal) {
        this.temporal = temporal;
    }

    /** The time alignment, and how many bg frames it was made from. */
    record Match(TemporalAlignment alignment, int bgFrames) {
    }

    Match match(ClipSource bg, Clip fi, Scans scans, SpatialAlignment place, AnalysisOptions options) {
        Clip bi = bg.info();
        Footprint area = Footprint.of(place.x(), place.y(), place.scale(), scans.box());
        DescriptorSequence bgd = bgDescriptors(bg, scans, area);
        TemporalOptions to = TemporalOptions.of(fi.fps(), bi.fps());
        if (options.window() > 0) {
            to = to.withWindow(options.window());
        }
        TemporalAlignment time = temporal.align(scans.fg().descriptors(), scans.fg().times(), bgd, to);
        return new Match(refine(time, scans, area, bi, fi, options.border()), bgd.size());
    }

    /** The bg descriptors of the footprint: cut from the stored thumbnails, or scanned if too small there. */
    private static DescriptorSequence bgDescriptors(ClipSource bg, Scans scans, Footprint area) {
        Clip bi = bg.info();
        DescriptorSpec spec = scans.spec();
        ThumbnailStore store = scans.bg().store();
        Footprint cut = inStore(area, bi, store);
        DescriptorSequence.Builder builder = DescriptorSequence.builder(spec);
        if (cut.width() >= STORE_MIN_FOOTPRINT && cut.height() >= STORE_MIN_FOOTPRINT) {
            AreaSampler sampler = sampler(store, cut, spec.thumbWidth(), spec.thumbHeight());
            Plane thumb = Plane.allocate(spec.thumbWidth(), spec.thumbHeight());
            for (int i = 0; i < store.size(); i++) {
                sampler.apply(store.chunk(i), store.offset(i), thumb);
                builder.add(thumb);
            }
            return builder.build();
        }
        // A small fg in a large bg: the stored thumbnails are too coarse, decode the footprint itself.
        bg.scan(List.of(new ClipSource.Thumb(area.clippedTo(bi.width(), bi.height()).rounded(), spec.thumbWidth(),
                spec.thumbHeight())), (index, ts, thumbs, whole) -> builder.add(thumbs[0]));
        return builder.build();
    }

    /** The temporal map with every frame re-chosen among its neighbours on the fine thumbnails. */
    private static TemporalAlignment refine(TemporalAlignment time, Scans scans, Footprint area, Clip bi, Clip fi,
                                            int border) {
        ThumbnailStore fgFine = scans.fg().fine();
        ThumbnailStore bgStore = scans.bg().store();
        AreaSampler cut = sampler(bgStore, inStore(area, bi, bgStore), fgFine.width(), fgFine.height());
        FineTimeRefiner refiner = new FineTimeRefiner(fgFine, bgStore, cut, fineMask(border, scans.box(), fgFine));
        boolean[] trusted = new boolean[time.map().length];
        for (int i = 0; i < trusted.length; i++) {
            trusted[i] = time.frameConfidence()[i] > 0;
        }
        // The pictures decide every frame they can tell apart from its neighbours; a curve through
        // the times of the frames (TimeLine), led by those, then places the others nearest in time.
        FineTimeRefiner.Costs costs = refiner.costs(time.map());
        double[] none = new double[trusted.length];
        java.util.Arrays.fill(none, Double.NaN);
        int[] smooth = refiner.choose(costs, bi.fps() / fi.fps(), none);
        int[] best = costs.best();
        boolean[] decisive = costs.decisive();
        double[] weight = new double[trusted.length];
        int[] evidence = new int[trusted.length];
        for (int i = 0; i < trusted.length; i++) {
            weight[i] = !trusted[i] ? 0 : decisive[i] ? 1 : UNDECIDED_WEIGHT;
            evidence[i] = decisive[i] ? best[i] : smooth[i];
        }
        double[] at = positions(new TimeLine(scans.bg().times()), scans.fg().times(), evidence, weight, time.map());
        int[] refined = refiner.choose(costs, bi.fps() / fi.fps(), at);
        return new TemporalAlignment(refined, time.frameConfidence(), time.confidence(), time.unmatched(),
                time.uninformative());
    }

    /**
     * The time curve's positions, fitted to every piece between the map's jumps back (replays) on its
     * own: one curve cannot run through both sides of a replay, and a window that reaches across would
     * bend towards the other side.
     */
    static double[] positions(TimeLine line, double[] fgTimes, int[] evidence, double[] weight, int[] map) {
        int n = map.length;
        double[] out = new double[n];
        int a = 0;
        for (int i = 1; i <= n; i++) {
            if (i < n && map[i] >= map[i - 1]) {
                continue;
            }
            if (a == 0 && i == n) {
                return line.positions(fgTimes, evidence, weight);
            }
            double[] piece = line.positions(java.util.Arrays.copyOfRange(fgTimes, a, i),
                    java.util.Arrays.copyOfRange(evidence, a, i), java.util.Arrays.copyOfRange(weight, a, i));
            System.arraycopy(piece, 0, out, a, piece.length);
            a = i;
        }
        return out;
    }

    /** The footprint in the stored bg thumbnails' pixels. */
    private static Footprint inStore(Footprint area, Clip bi, ThumbnailStore store) {
        return area.shrunk((double) bi.width() / store.width(), (double) bi.height() / store.height());
    }

    private static AreaSampler sampler(ThumbnailStore store, Footprint cut, int width, int height) {
        return new AreaSampler(store.width(), store.height(), cut.x(), cut.y(), cut.width(), cut.height(), width,
                height);
    }

    /** Border mode: only a band {@code border} fg pixels wide inside the edges, at the fine size. */
    private static boolean[] fineMask(int border, PixelRect box, ThumbnailStore fine) {
        if (border <= 0) {
            return null;
        }
        int w = fine.width();
        int h = fine.height();
        int bx = (int) Math.max(1, Math.round(border * (double) w / box.width()));
        int by = (int) Math.max(1, Math.round(border * (double) h / box.height()));
        boolean[] on = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                on[y * w + x] = x < bx || y < by || x >= w - bx || y >= h - by;
            }
        }
        return on;
    }
}
