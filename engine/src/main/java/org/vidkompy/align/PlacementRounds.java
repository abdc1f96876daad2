package org.vidkompy.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vidkompy.align.ClipScanner.Kept;
import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.image.ContentBox;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Footprint;
import org.vidkompy.spatial.SpatialAligner;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.spatial.SpatialOptions;
import org.vidkompy.temporal.DescriptorSpec;
import org.vidkompy.temporal.TemporalAlignment;

/**
 * Where the fg lies in the bg, in rounds: a first placement from the frames the scans kept whole
 * (before time is known), then after every time alignment a final placement from frame pairs the
 * map says show the same moment, until it stops moving the footprint ({@link #settled}).
 */
final class PlacementRounds {

    /** Same-moment pairs the final placement uses. */
    static final int FINAL_PAIRS = 4;
    /** Spatial precision of the first placement. */
    static final int FIRST_PRECISION = 0;
    /** Longest side of the pictures for the first placement. */
    static final int WORK_SIZE = 640;
    /** A final placement that moves the footprint by more than this many thumbnail pixels is iterated. */
    static final double ITERATE_THUMB_PIXELS = 0.05;
    /** Rounds of time alignment and final placement at most. */
    static final int MAX_ROUNDS = 4;

    private final SpatialAligner spatial;

    PlacementRounds(SpatialAligner spatial) {
        this.spatial = spatial;
    }

    /** The kept fg frames against the kept bg frames; both are dense in time, so some show the same moment. */
    SpatialAlignment first(Scans scans, SpatialOptions so, Clip bi, AnalysisProgress progress) {
        progress.stage("placing", 1);
        double factor = Math.max(1.0, Math.max(bi.width(), bi.height()) / (double) WORK_SIZE);
        ContentBox box = so.contentBox();
        int x0 = (int) Math.ceil(box.x() / factor);
        int y0 = (int) Math.ceil(box.y() / factor);
        int x1 = (int) Math.floor((box.x() + box.width()) / factor);
        int y1 = (int) Math.floor((box.y() + box.height()) / factor);
        List<Plane> fgs = planes(scans.fg().kept().wholes(), factor);
        List<Plane> bgs = planes(scans.bg().kept().wholes(), factor);
        ContentBox small = x1 > x0 && y1 > y0 ? new ContentBox(x0, y0, x1 - x0, y1 - y0) : null;
        // Only needs to land within a pixel or two: the final placement refines it. The dense samples
        // are what matter here, so the search itself runs at the lightest precision.
        SpatialAlignment s = spatial.locate(fgs, bgs, so.withContentBox(small).withMaxSamples(ScanPlan.CAPTURES)
                .withPrecision(Math.min(so.precision(), FIRST_PRECISION)));
        progress.advance(1);
        return new SpatialAlignment(s.x() * factor, s.y() * factor, s.scale(), s.confidence(), s.consensus());
    }

    /** An fg frame and the bg frame the map puts under it, and what it costs to get them. */
    private record Pair(int fg, int bg, int cost) {
    }

    /**
     * The placement from fg and bg frames the temporal map says show the same moment, so camera
     * motion cannot bias it, at full resolution. Falls back to the current placement when no pair is
     * confirmed.
     */
    SpatialAlignment last(ClipSource bg, ClipSource fg, Scans scans, TemporalAlignment time, SpatialOptions so,
                          SpatialAlignment current, AnalysisProgress progress) {
        List<Pair> pairs = sameMoments(bg, fg, scans, time);
        if (pairs.isEmpty()) {
            return current;
        }
        progress.stage("refining", FINAL_PAIRS);
        List<Plane> fgs = new ArrayList<>();
        List<Plane> bgs = new ArrayList<>();
        for (Pair p : pairs.subList(0, Math.min(FINAL_PAIRS, pairs.size()))) {
            fgs.add(scans.fg().kept().get(p.fg(), fg).toPlane());
            bgs.add(scans.bg().kept().get(p.bg(), bg).toPlane());
            progress.advance(fgs.size());
        }
        return spatial.refine(fgs, bgs, current, so);
    }

    /**
     * Confident pairs of the map with at least one frame kept whole, the cheapest to complete first:
     * the kept frame costs nothing, the other one {@link ClipSource#fetchCost}.
     */
    private static List<Pair> sameMoments(ClipSource bg, ClipSource fg, Scans scans, TemporalAlignment time) {
        int[] map = time.map();
        float[] conf = time.frameConfidence();
        Kept fgKept = scans.fg().kept();
        Kept bgKept = scans.bg().kept();
        List<Pair> pairs = new ArrayList<>();
        for (int i : fgKept.indices()) {
            if (i < map.length && conf[i] > 0.5f) {
                pairs.add(new Pair(i, map[i], bgKept.contains(map[i]) ? 0 : bg.fetchCost(map[i])));
            }
        }
        for (int j : bgKept.indices()) {
            for (int i = 0; i < map.length; i++) {
                if (map[i] == j && conf[i] > 0.5f && !fgKept.contains(i)) {
                    pairs.add(new Pair(i, j, fg.fetchCost(i)));
                    break;
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::cost));
        return pairs;
    }

    /**
     * Whether moving from {@code before} to {@code after} leaves the time alignment as it was: no
     * corner of the footprint moves by more than {@link #ITERATE_THUMB_PIXELS} pixels of the
     * descriptor thumbnails it is cut into.
     */
    static boolean settled(SpatialAlignment before, SpatialAlignment after, ContentBox box) {
        Footprint a = Footprint.of(before.x(), before.y(), before.scale(), box);
        Footprint b = Footprint.of(after.x(), after.y(), after.scale(), box);
        double moved = Math.max(a.edgeShiftX(b) / a.width() * DescriptorSpec.THUMB_WIDTH,
                a.edgeShiftY(b) / a.height() * DescriptorSpec.THUMB_HEIGHT);
        return moved <= ITERATE_THUMB_PIXELS;
    }

    private static List<Plane> planes(List<LumaImage> images, double factor) {
        List<Plane> out = new ArrayList<>(images.size());
        for (LumaImage i : images) {
            out.add(i.toPlane(factor));
        }
        return out;
    }
}
