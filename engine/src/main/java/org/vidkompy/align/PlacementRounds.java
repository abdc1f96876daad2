package org.vidkompy.align;

import org.vidkompy.media.ClipSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.vidkompy.align.ClipScanner.Kept;
import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.image.ToneCurve;
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

    /** Same-moment pairs the final placement uses, at least. */
    static final int FINAL_PAIRS = 4;
    /**
     * A small fg gets as many pairs as hold this many compared pixels together (its own or its
     * footprint's, whichever is fewer), up to {@link #MAX_FINAL_PAIRS}: four pairs of a 78x44 fg at crf 27
     * left its scale 0.25 % off and a real 80x45 inset's 0.15 %; twelve gave 0.03 % and 0.
     */
    static final double PAIR_PIXELS = 48_000;
    static final int MAX_FINAL_PAIRS = 12;
    /** Spatial precision of the first placement. */
    static final int FIRST_PRECISION = 0;
    /**
     * Memory for the bg planes of the final placement (4 bytes a pixel). Beyond it, as for 4K and
     * larger frames, only a crop around the footprint is converted.
     */
    static final long FINAL_BUDGET = 64L << 20;
    /** The crop reaches this share of the footprint's size beyond it on every side, and at least {@link #MIN_MARGIN} pixels. */
    static final double MARGIN_SHARE = 0.25;
    static final int MIN_MARGIN = 64;
    /** A final placement that moves the footprint by more than this many thumbnail pixels is iterated. */
    static final double ITERATE_THUMB_PIXELS = 0.05;
    /**
     * bg frames either side of the map's that the final placement tries as the pairs' moment. Where
     * the picture pans slowly, a placement a third of a pixel off and a map three frames late fit
     * each other: a clean 20 fps fg at scale 0.54 (crf 16) was held there with one frame either side
     * (29 % of its frames right, 0.29 px off) and left it with three ({@link #FAR_SHARE}; 100 %, 0.05 px).
     */
    static final int TIME_REACH = 3;
    /**
     * Share of the pairs' miss (1 - ZNCC) one pair's own moment must remove to be taken (and
     * {@link #TIME_MARGIN} at least): where the map ran at a wrong speed the true moments removed
     * 6-24 % (one pair of four); chance on a 45x25 fg at crf 25 up to 5 %.
     */
    static final double PAIR_SHARE = 0.06;
    /** Share of the best pairs' miss (1 - ZNCC) a moment two or more frames off must remove to be taken. */
    static final double FAR_SHARE = 0.2;
    /**
     * Planes per pair the {@link #FINAL_BUDGET} is reckoned in: the kept pair and a neighbouring moment
     * either side, as when those were held all at once; now only one moment is converted at a time.
     */
    static final int BUDGETED_PLANES_PER_PAIR = 4;
    /**
     * By how much (mean ZNCC) a neighbouring moment must beat the map's to be taken. A fg at half the
     * bg's resolution (scale 1.95) over a pan had its true moment beat the map's, one frame early and
     * half a pixel off, by only 0.0011; at 0.002 the wrong pair stood and took 31 % of the frames with it.
     */
    static final double TIME_MARGIN = 0.0005;
    /**
     * Pairs matching at least this well (mean ZNCC) leave no room for another moment: not tried. A
     * phone capture at scale 0.76 (crf 21) matched its map's pairs, one frame early and 0.58 px off, at
     * 0.9961, and the true moment at 0.9974: 0.995 let 42 % of its frames stay one off. The 1080p
     * benchmark pair matches at 0.9997 and still skips the check.
     */
    static final double UNAMBIGUOUS = 0.9995;
    /** See {@link #hopeless}. */
    static final double HOPELESS_MISS = 0.05;
    static final double HOPELESS_RATIO = 10;
    /** A bg end frame with more fg frames on it than this many times the map's mean is held ({@link #heldEnds}). */
    static final double HELD_RUNS = 2;
    /** Rounds of time alignment and final placement at most. */
    static final int MAX_ROUNDS = 4;

    private final SpatialAligner spatial;

    PlacementRounds(SpatialAligner spatial) {
        this.spatial = spatial;
    }

    /** The kept fg frames against the kept bg frames; both are dense in time, so some show the same moment. */
    SpatialAlignment first(Scans scans, SpatialOptions so, Clip bi, AnalysisProgress progress) {
        progress.stage("placing", 1);
        double factor = ScanPlan.workFactor(bi);
        PixelRect box = so.contentBox();
        // Kept frames may already be shrunk (by at most the work factor).
        List<Plane> fgs = planes(scans.fg().kept().wholes(), factor / scans.fg().kept().factor());
        List<Plane> bgs = planes(scans.bg().kept().wholes(), factor / scans.bg().kept().factor());
        PixelRect small = box.shrunk(factor);
        // Only needs to land within a pixel or two: the final placement refines it. The dense samples
        // are what matter here, so the search itself runs at the lightest precision.
        SpatialAlignment s = spatial.locate(fgs, bgs, so.withContentBox(small).withMaxSamples(ScanPlan.CAPTURES)
                .withPrecision(Math.min(so.precision(), FIRST_PRECISION)));
        progress.advance(1);
        return s.enlarged(factor);
    }

    /** An fg frame and the bg frame the map puts under it, and what it costs to get them. */
    record Pair(int fg, int bg, int cost) {
    }

    /**
     * The frame pairs a final placement would use for this time alignment. The same pairs as the
     * round before give the same placement again (the refinement converged on them already), so the
     * rounds stop there without refining.
     */
    List<Pair> pairs(ClipSource bg, ClipSource fg, Scans scans, TemporalAlignment time, SpatialAlignment place,
                     boolean trial) {
        List<Pair> pairs = sameMoments(bg, fg, scans, time);
        int wanted = trial ? FINAL_PAIRS : finalPairs(scans.box(), place);
        return List.copyOf(pairs.subList(0, Math.min(wanted, pairs.size())));
    }

    /** How many pairs the final placement of a fg with this content box at this placement uses. */
    static int finalPairs(PixelRect box, SpatialAlignment place) {
        double compared = (double) box.width() * box.height() * Math.min(1, place.scale() * place.scale());
        return (int) Math.max(FINAL_PAIRS, Math.min(MAX_FINAL_PAIRS, Math.ceil(PAIR_PIXELS / compared)));
    }

    /**
     * The placement from fg and bg frames the temporal map says show the same moment, so camera
     * motion cannot bias it, at full resolution. Falls back to the current placement when no pair is
     * confirmed.
     */
    SpatialAlignment last(ClipSource bg, ClipSource fg, Scans scans, List<Pair> pairs, ToneCurve tone,
                          SpatialOptions so, SpatialAlignment current, double rival, AnalysisProgress progress) {
        return last(bg, fg, scans, pairs, tone, so, current, rival, progress, true);
    }

    /**
     * The placement from the pairs at the moments the map gives them, none other tried: for a look
     * whose time the render checks on every frame ({@link ShiftGuess}).
     */
    SpatialAlignment asMapped(ClipSource bg, ClipSource fg, Scans scans, List<Pair> pairs, ToneCurve tone,
                              SpatialOptions so, SpatialAlignment current, AnalysisProgress progress) {
        return last(bg, fg, scans, pairs, tone, so, current, Double.NaN, progress, false);
    }

    private SpatialAlignment last(ClipSource bg, ClipSource fg, Scans scans, List<Pair> pairs, ToneCurve tone,
                                  SpatialOptions so, SpatialAlignment current, double rival,
                                  AnalysisProgress progress, boolean moments) {
        if (pairs.isEmpty()) {
            return current;
        }
        progress.stage("refining", pairs.size());
        Clip bi = bg.info();
        int n = pairs.size();
        int frames = n * BUDGETED_PLANES_PER_PAIR;
        PixelRect crop = (long) frames * bi.width() * bi.height() * Float.BYTES <= FINAL_BUDGET
                ? new PixelRect(0, 0, bi.width(), bi.height()) : cropAround(current, so.contentBox(), bi);
        // Pairs at the bg's first or last frame have no neighbour on one side to try; they are left out.
        List<Pair> used = pairs.subList(0, n).stream()
                .filter(p -> p.bg() >= 1 && p.bg() + 1 < bi.frames()).toList();
        if (used.isEmpty()) {
            return current;
        }
        // Fetched on every core: each frame is a decode of its own, from the key frame before it (a
        // quarter of a second for four pairs of the 1080p benchmark pair, one after the other).
        int m = used.size();
        Plane[] fetched = new Plane[2 * m];
        IntStream.range(0, 2 * m).parallel().forEach(k -> {
            if (k < m) {
                Plane f = scans.fg().kept().full(used.get(k).fg(), fg).toPlane();
                tone.apply(f); // compared in the bg's grade: blind to any monotone tone change
                fetched[k] = f;
            } else {
                fetched[k] = cropped(scans.bg().kept().full(used.get(k - m).bg(), bg), crop);
            }
        });
        List<Plane> fgs = new ArrayList<>(Arrays.asList(fetched).subList(0, m));
        List<Plane> bgs = new ArrayList<>(Arrays.asList(fetched).subList(m, 2 * m));
        // The lists hold them now: the bg planes must be garbage once replaced below (a 10-minute
        // 1080p pair's four were 23 MB, held through every neighbouring moment's refinement).
        Arrays.fill(fetched, null);
        progress.advance(m);
        SpatialAlignment start = shifted(current, -crop.x(), -crop.y());
        SpatialAlignment best = spatial.refine(fgs, bgs, start, so);
        // Time and position can trade: where the picture drifts, bg frames one step off, seen a
        // fraction of a pixel further along, nearly match too, and a placement made from them would
        // keep the time alignment one frame off. Unless the pairs match all but perfectly, the same
        // pairs one frame earlier and later settle it: the true moments match best, because what moves
        // on its own paths matches only there.
        if (moments && best.confidence() < UNAMBIGUOUS && !hopeless(best.confidence(), rival)) {
            bgs.clear(); // replaced below by the same moments decoded with deblocking
            List<List<LumaImage>> runs = runs(bg, used, 1, crop);
            // The kept frames were decoded without deblocking (the scan's shortcut); these were not, and
            // on strongly compressed footage that moves the fit by a tenth of a pixel: the map's own
            // moment is refined again on them, and the neighbours compared with that.
            SpatialAlignment own = refineAt(runs, 1, crop, fgs, start, so);
            if (own != null) {
                best = own;
            }
            boolean moved = false;
            int chosen = 1;
            for (int d = -1; d <= 1; d += 2) {
                SpatialAlignment other = refineAt(runs, d + 1, crop, fgs, start, so);
                if (other != null && other.confidence() > best.confidence() + TIME_MARGIN) {
                    best = other;
                    chosen = d + 1;
                    moved = true;
                }
            }
            // Further moments only where a neighbour won, and taken only where one is much better: where
            // time and position trade along a slow pan, a placement a third of a pixel off and a map
            // three frames late fit each other, and the true moment removed 23-77 % of what the pairs
            // missed by (1 - ZNCC); on a 45x25 fg at crf 25 chance gave moments further off at most 12 %,
            // and taking those (or any better one, frame by frame) put its map seven frames off.
            if (moved) {
                runs = runs(bg, used, TIME_REACH, crop);
                chosen += TIME_REACH - 1;
                SpatialAlignment far = null;
                int farAt = -1;
                for (int d = -TIME_REACH; d <= TIME_REACH; d++) {
                    SpatialAlignment other = Math.abs(d) < 2 ? null
                            : refineAt(runs, d + TIME_REACH, crop, fgs, start, so);
                    if (other != null && (far == null || other.confidence() > far.confidence())) {
                        far = other;
                        farAt = d + TIME_REACH;
                    }
                }
                if (far != null && far.confidence() - best.confidence() > FAR_SHARE * (1 - best.confidence())) {
                    best = far;
                    chosen = farAt;
                }
            }
            best = eachPairItsMoment(runs, chosen, crop, fgs, start, so, best);
        }
        return shifted(best, crop.x(), crop.y());
    }

    /**
     * Whether pairs matching at {@code confidence} are far from where another start's rounds brought
     * theirs ({@code rival}; NaN: none ran): they miss (1 - ZNCC) {@link #HOPELESS_RATIO} times as
     * much and at least {@link #HOPELESS_MISS}. The moments around such pairs are not looked at: they
     * settle how a near-perfect placement trades a fraction of a pixel for a frame of time, and a
     * placement this far off is not that. On a 1080p fg over a 1080p bg (another framing of the same
     * master) two trial starts 36 and 12 px off spent 16 and 11 s there, on full-size frames.
     */
    static boolean hopeless(double confidence, double rival) {
        return !Double.isNaN(rival) && 1 - confidence > Math.max(HOPELESS_MISS, HOPELESS_RATIO * (1 - rival));
    }

    /**
     * The bg frames {@code reach} either side of every pair's, still 8-bit: each moment becomes planes
     * only while it is compared, cut to {@code crop} then (on a 10-minute 1080p pair the floats of three
     * moments at once were 70 MB of the peak). Where all of them fit the {@link #FINAL_BUDGET}, which is
     * also what the analysis's frame cache ({@link org.vidkompy.media.RecentRuns}) keeps, the frames are
     * the decoded ones, shared with that cache; beyond, cropped copies, so a large bg around a small fg
     * keeps only the crops. On the 10-minute 1080p pair the crops of four pairs' seven moments were 41 MB
     * on top of the same frames in the cache, at the analysis's peak.
     */
    private static List<List<LumaImage>> runs(ClipSource bg, List<Pair> used, int reach, PixelRect crop) {
        Clip bi = bg.info();
        boolean whole = (long) used.size() * (2 * reach + 1) * bi.width() * bi.height() <= FINAL_BUDGET;
        // One decode per pair, on every core.
        return used.parallelStream().map(p -> {
            List<LumaImage> run = new ArrayList<>();
            // Frames before the clip's first are missing (null), so that index k is moment bg - reach + k.
            for (int k = p.bg() - reach; k < 0; k++) {
                run.add(null);
            }
            for (LumaImage f : bg.frames(p.bg() - reach, 2 * reach + 1)) {
                run.add(whole ? f : f.crop(crop.x(), crop.y(), crop.width(), crop.height()));
            }
            return run;
        }).toList();
    }

    /**
     * Each pair's moment moved on its own by a frame where that fits better: where the map runs at a
     * slightly wrong speed (a placement half a pixel and 0.4 % off made a 20 fps fg's map 1.3 % fast),
     * its early pairs are a frame early and its late ones a frame late, and no one shift of all of
     * them fits; each pair's own shift does, and the placement from those leads the next round's map
     * back to the right speed.
     */
    private SpatialAlignment eachPairItsMoment(List<List<LumaImage>> runs, int chosen, PixelRect crop,
                                               List<Plane> fgs, SpatialAlignment start, SpatialOptions so,
                                               SpatialAlignment best) {
        int[] pick = new int[runs.size()];
        java.util.Arrays.fill(pick, chosen);
        for (int p = 0; p < pick.length; p++) {
            int own = pick[p];
            for (int alt = own - 1; alt <= own + 1; alt += 2) {
                pick[p] = alt;
                SpatialAlignment other = refineAt(runs, pick, crop, fgs, start, so);
                if (other != null && other.confidence() - best.confidence()
                        > Math.max(TIME_MARGIN, PAIR_SHARE * (1 - best.confidence()))) {
                    best = other;
                    own = alt;
                }
            }
            pick[p] = own;
        }
        return best;
    }

    /**
     * The refinement against frame {@code k} of every run, cut to {@code crop}; null where a run lacks it
     * (beyond either end of the clip). Its planes live only for this call.
     */
    private SpatialAlignment refineAt(List<List<LumaImage>> runs, int k, PixelRect crop, List<Plane> fgs,
                                      SpatialAlignment start, SpatialOptions so) {
        int[] pick = new int[runs.size()];
        java.util.Arrays.fill(pick, k);
        return refineAt(runs, pick, crop, fgs, start, so);
    }

    /** The refinement against frame {@code pick[p]} of run {@code p}; null where a run lacks it. */
    private SpatialAlignment refineAt(List<List<LumaImage>> runs, int[] pick, PixelRect crop, List<Plane> fgs,
                                      SpatialAlignment start, SpatialOptions so) {
        List<Plane> bgs = new ArrayList<>(runs.size());
        for (int p = 0; p < runs.size(); p++) {
            List<LumaImage> run = runs.get(p);
            int k = pick[p];
            if (k < 0 || run.size() <= k || run.get(k) == null) {
                return null;
            }
            bgs.add(cropped(run.get(k), crop));
        }
        return spatial.refine(fgs, bgs, start, so);
    }

    private static Plane cropped(LumaImage b, PixelRect crop) {
        return crop.width() == b.width() && crop.height() == b.height() ? b.toPlane()
                : b.toPlane(crop.x(), crop.y(), crop.width(), crop.height());
    }

    /**
     * The bg around the footprint, with room on every side for the refinement to move and rescale
     * the fg, and for its pyramid's filters.
     */
    static PixelRect cropAround(SpatialAlignment current, PixelRect box, Clip bi) {
        Footprint area = Footprint.of(current.x(), current.y(), current.scale(), box);
        double margin = Math.max(MIN_MARGIN, MARGIN_SHARE * Math.max(area.width(), area.height()));
        return area.grown(margin).clippedTo(bi.width(), bi.height()).enclosing();
    }

    private static SpatialAlignment shifted(SpatialAlignment s, double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return s;
        }
        return new SpatialAlignment(s.x() + dx, s.y() + dy, s.scale(), s.confidence(), s.consensus());
    }

    /**
     * Whether the map holds on bg frame {@code j} at one of the bg's ends: an fg reaching past the bg's
     * start or end has its frames there mapped onto the bg's first or last frame, many more of them
     * than the map puts on a bg frame elsewhere, and those just inside matched as well as the edge
     * frame allows (an fg 8 s long over a 4 s bg excerpt of a tilt: fg frames 50-52 on bg frame 0 at
     * confidence 0.95, where 50 is frame 2's). Such pairs are not one moment.
     */
    static IntPredicate heldEnds(int[] map, int bgFrames) {
        if (map.length == 0 || bgFrames < 2) {
            return j -> false;
        }
        int[] count = new int[bgFrames];
        int distinct = 0;
        for (int b : map) {
            if (b >= 0 && b < bgFrames && count[b]++ == 0) {
                distinct++;
            }
        }
        double limit = HELD_RUNS * map.length / (double) Math.max(1, distinct) + 1;
        boolean first = count[0] > limit;
        boolean last = count[bgFrames - 1] > limit;
        return j -> j == 0 && first || j == bgFrames - 1 && last;
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
        IntPredicate held = heldEnds(map, (int) bg.info().frames());
        List<Pair> pairs = new ArrayList<>();
        for (int i : fgKept.indices()) {
            if (i < map.length && conf[i] > 0.5f && !held.test(map[i])) {
                pairs.add(new Pair(i, map[i], bgKept.hasFull(map[i]) ? 0 : bg.fetchCost(map[i])));
            }
        }
        for (int j : bgKept.indices()) {
            if (held.test(j)) {
                continue;
            }
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
     * corner of the footprint moves by more than {@link #ITERATE_THUMB_PIXELS} pixels of the fine
     * thumbnails the last word on time is spoken on (a fraction of a pixel there already tips frames
     * where the picture drifts).
     */
    static boolean settled(SpatialAlignment before, SpatialAlignment after, PixelRect box) {
        Footprint a = Footprint.of(before.x(), before.y(), before.scale(), box);
        Footprint b = Footprint.of(after.x(), after.y(), after.scale(), box);
        double thumb = Math.max(ScanPlan.FINE_SIZE, DescriptorSpec.THUMB_WIDTH);
        double extent = Math.max(a.width(), a.height());
        double moved = Math.max(a.edgeShiftX(b), a.edgeShiftY(b)) / extent * thumb;
        return moved <= ITERATE_THUMB_PIXELS;
    }

    /** Shrunk on every core: two dozen whole frames each, the first placement's largest single cost. */
    private static List<Plane> planes(List<LumaImage> images, double factor) {
        return images.parallelStream().map(i -> i.toPlane(factor)).toList();
    }
}
