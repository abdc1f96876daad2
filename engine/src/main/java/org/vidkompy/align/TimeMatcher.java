package org.vidkompy.align;

import org.vidkompy.media.ClipSource;
import java.util.List;
import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.Plane;
import org.vidkompy.image.ToneCurve;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Footprint;
import org.vidkompy.media.FrameRange;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.temporal.Inserts;
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
    /** Frames by which the time curve may leave the coarse path before the search window follows it. */
    static final double RECENTRE = 1.5;
    /** How often the window may follow the curve: each move shows the pictures the curve went towards. */
    static final int RECENTRE_ROUNDS = 4;

    private final TemporalAligner temporal;

    TimeMatcher(TemporalAligner temporal) {
        this.temporal = temporal;
    }

    /**
     * A footprint that moved by less than this share of its size since the coarse path was found keeps
     * that path: a tenth of a descriptor pixel changes the descriptors less than compression does.
     */
    static final double COARSE_KEPT = 0.1 / DescriptorSpec.THUMB_WIDTH;

    /**
     * The time alignment, how many bg frames it was made from, and what a later round may reuse: the
     * coarse path and the footprint it was found at.
     */
    record Match(TemporalAlignment alignment, int bgFrames, ToneCurve tone, TemporalAlignment coarse,
                 Footprint coarseArea) {
    }

    /** @param before the previous round's match, whose coarse path is kept if the footprint barely moved; or null */
    Match match(ClipSource bg, Clip fi, Scans scans, SpatialAlignment place, AnalysisOptions options, Match before) {
        Clip bi = bg.info();
        Footprint area = Footprint.of(place.x(), place.y(), place.scale(), scans.box());
        OverlapView view = OverlapView.of(scans, area, bi.width(), bi.height(),
                fineMask(options.border(), scans.box(), scans.fg().fine()));
        TemporalAlignment time;
        Footprint coarseArea;
        int bgFrames;
        if (before != null && barelyMoved(before.coarseArea(), area)) {
            time = before.coarse();
            coarseArea = before.coarseArea();
            bgFrames = before.bgFrames();
        } else {
            DescriptorSequence bgd = bgDescriptors(bg, scans, area, view.spec());
            time = temporal.align(view.fg(), scans.fg().times(), bgd, temporalOptions(fi, bi, options));
            coarseArea = area;
            bgFrames = bgd.size();
        }
        Refined r = refine(time, scans, area, bi, fi, view.fineMask());
        if (doubtful(r.alignment())) {
            Match unveiled = withoutOverlay(bg, fi, scans, area, view, r, options);
            if (unveiled != null) {
                return unveiled;
            }
        }
        return new Match(r.alignment(), bgFrames, r.tone(), time, coarseArea);
    }

    private static TemporalOptions temporalOptions(Clip fi, Clip bi, AnalysisOptions options) {
        TemporalOptions to = TemporalOptions.of(fi.fps(), bi.fps());
        return options.window() > 0 ? to.withWindow(options.window()) : to;
    }

    /** Share of fg frames matching nothing above which a match is {@link #doubtful}. */
    static final double DOUBTFUL_LOST = 0.05;
    /** Mean confidence of the matched frames below which a match is {@link #doubtful}. */
    static final double DOUBTFUL_CONFIDENCE = 0.9;

    /** Frames lost, or matched poorly: what an overlay in the bg ({@link OverlayMask}) does to a match. */
    static boolean doubtful(TemporalAlignment t) {
        return t.unmatchedCount() > DOUBTFUL_LOST * t.map().length
                || t.matchedCount() > 0 && t.matchedConfidence() < DOUBTFUL_CONFIDENCE;
    }

    /**
     * The match again without what the bg shows over the fg and the fg lacks, where its pairs point at
     * such pixels; null where they do not, or the match is no better without them (fewer frames lost,
     * or as many and a better mean confidence).
     */
    private Match withoutOverlay(ClipSource bg, Clip fi, Scans scans, Footprint area, OverlapView view, Refined r,
                                 AnalysisOptions options) {
        Clip bi = bg.info();
        ThumbnailStore fgFine = scans.fg().fine();
        ThumbnailStore bgStore = scans.bg().store();
        AreaSampler cut = sampler(bgStore, inStore(area, bi, bgStore), fgFine.width(), fgFine.height());
        boolean[] overlay = OverlayMask.of(fgFine, bgStore, cut, r.tone(), r.alignment(), view.fineMask());
        if (overlay == null) {
            return null;
        }
        OverlapView masked = view.without(scans, overlay);
        if (masked == null) {
            return null;
        }
        DescriptorSequence bgd = bgDescriptors(bg, scans, area, masked.spec());
        TemporalAlignment time = temporal.align(masked.fg(), scans.fg().times(), bgd,
                temporalOptions(fi, bi, options));
        Refined again = refine(time, scans, area, bi, fi, masked.fineMask());
        TemporalAlignment a = again.alignment();
        TemporalAlignment b = r.alignment();
        boolean better = a.unmatchedCount() < b.unmatchedCount()
                || a.unmatchedCount() == b.unmatchedCount() && a.confidence() > b.confidence();
        return better ? new Match(a, bgd.size(), again.tone(), time, area) : null;
    }

    /**
     * Fg frames {@link #misfit} looks at, at most: enough for what moves on its own paths to show, cheap
     * enough to be tried at a dozen placements.
     */
    static final int MISFIT_FRAMES = 3 * ParallelRanges.MIN_ROWS;
    /** Those frames come in runs of this many, the runs spread evenly over the clip: a run shares its bg cuts. */
    static final int MISFIT_RUN = 8;

    /**
     * The fg frames {@link #misfit} looks at where {@code time} is the match at every placement compared:
     * of the frames it matched only. A frame it found in no bg frame (an fg reaching past the ends of a
     * bg excerpt) fits no placement, and its cost against the held end frame only adds noise that
     * depends on where it is cut: over a slow sway it moved a placement the rounds had put within 0.1 px
     * of the truth to 0.9 px off, with most frames one off.
     */
    static int[] misfitFrames(TemporalAlignment time) {
        int[] matched = time.matchedFrames();
        if (matched.length == 0) {
            return misfitFrames(time.map().length);
        }
        int[] picks = misfitFrames(matched.length);
        for (int k = 0; k < picks.length; k++) {
            picks[k] = matched[picks[k]];
        }
        return picks;
    }

    /** The fg frames {@link #misfit} looks at, of {@code n}. */
    static int[] misfitFrames(int n) {
        if (n <= MISFIT_FRAMES) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int runs = MISFIT_FRAMES / MISFIT_RUN;
        int[] out = new int[runs * MISFIT_RUN];
        for (int k = 0; k < runs; k++) {
            int first = (int) Math.round((double) k * (n - MISFIT_RUN) / (runs - 1));
            for (int j = 0; j < MISFIT_RUN; j++) {
                out[k * MISFIT_RUN + j] = first + j;
            }
        }
        return out;
    }

    /** The fine thumbnails' pixels compared at a placement: those over the bg (and in border mode the band). */
    boolean[] fineMask(Clip bi, Scans scans, SpatialAlignment place, AnalysisOptions options) {
        Footprint area = Footprint.of(place.x(), place.y(), place.scale(), scans.box());
        return OverlapView.fineMask(scans, area, bi.width(), bi.height(),
                fineMask(options.border(), scans.box(), scans.fg().fine()));
    }

    /**
     * How badly the fine thumbnails fit at {@code place}, in {@code at}'s grade: fg frames {@code frames}
     * ({@link #misfitFrames}), each against the bg frames within one of the one {@code at} puts under it,
     * its best (1 - ZNCC) summed.
     */
    double misfit(Clip bi, Scans scans, SpatialAlignment place, Match at, boolean[] mask, int[] frames) {
        return looseMisfit(bi, scans, place, at, mask, frames, 0, 1);
    }

    /**
     * {@link #misfit} with the time let loose: each frame against the bg frames within {@code reach} of the
     * one {@code at} puts under it moved on by {@code shift}. Cheap (no time alignment), for comparing many
     * places along a camera move, where the time offset follows the placement.
     */
    double looseMisfit(Clip bi, Scans scans, SpatialAlignment place, Match at, boolean[] mask, int[] frames,
                       int shift, int reach) {
        return leastCost(bi, scans, place, at, mask, at.alignment().map(), frames, shift, reach);
    }

    /**
     * The picture costs (1 - ZNCC on the fine thumbnails, in {@code at}'s grade) of every bg frame
     * {@code k} against the fg frames {@code files[k] - h}, for the {@code shifts} shifts {@code h}
     * from {@code low} on ({@link FineTimeRefiner#shiftCosts}).
     */
    double[][] shiftCosts(Clip bi, Scans scans, SpatialAlignment place, Match at, boolean[] mask, int[] files,
                          int low, int shifts) {
        return refiner(bi, scans, place, at, mask, 0).shiftCosts(files, low, shifts, scans.fg().fine().size());
    }

    private double leastCost(Clip bi, Scans scans, SpatialAlignment place, Match at, boolean[] mask, int[] map,
                             int[] frames, int shift, int reach) {
        // Places are compared here: the cut's noise must not depend on where it lies.
        return refiner(bi, scans, place, at, mask, AreaSampler.PHASE_FREE_BLUR).leastCost(map, frames, shift, reach);
    }

    private FineTimeRefiner refiner(Clip bi, Scans scans, SpatialAlignment place, Match at, boolean[] mask,
                                    double blur) {
        ThumbnailStore bgStore = scans.bg().store();
        Footprint area = Footprint.of(place.x(), place.y(), place.scale(), scans.box());
        ThumbnailStore fgFine = scans.fg().fine();
        AreaSampler cut = sampler(bgStore, inStore(area, bi, bgStore), fgFine.width(), fgFine.height(), blur);
        return new FineTimeRefiner(fgFine, bgStore, cut, mask, at.tone());
    }

    private static boolean barelyMoved(Footprint a, Footprint b) {
        double extent = Math.max(a.width(), a.height());
        return Math.max(a.edgeShiftX(b), a.edgeShiftY(b)) <= COARSE_KEPT * extent;
    }

    /** The bg descriptors of the footprint: cut from the stored thumbnails, or scanned if too small there. */
    private static DescriptorSequence bgDescriptors(ClipSource bg, Scans scans, Footprint area, DescriptorSpec spec) {
        Clip bi = bg.info();
        ThumbnailStore store = scans.bg().store();
        Footprint cut = inStore(area, bi, store);
        if (cut.width() >= STORE_MIN_FOOTPRINT && cut.height() >= STORE_MIN_FOOTPRINT) {
            return cutEvery(store, sampler(store, cut, spec.thumbWidth(), spec.thumbHeight()), spec);
        }
        // A small fg in a large bg: the stored thumbnails are too coarse; the region around it at full
        // resolution, decoded once for all the rounds' footprints, where it fits its budget.
        Footprint inside = area.clippedTo(bi.width(), bi.height());
        BgZoom zoom = scans.bg().zoom().around(bg, inside);
        if (zoom != null) {
            return cutEvery(zoom.store(), zoom.sampler(inside, spec.thumbWidth(), spec.thumbHeight()), spec);
        }
        // Beyond the budget (a long bg): the footprint itself, decoded again for every footprint.
        DescriptorSequence.Builder builder = DescriptorSequence.builder(spec);
        bg.scan(List.of(new ClipSource.Thumb(inside.rounded(), spec.thumbWidth(), spec.thumbHeight())),
                (index, ts, thumbs, whole) -> builder.add(thumbs[0]));
        return builder.build();
    }

    /** A descriptor of every stored frame, cut by {@code sampler}, the frames split over the cores. */
    private static DescriptorSequence cutEvery(ThumbnailStore store, AreaSampler sampler, DescriptorSpec spec) {
        int n = store.size();
        DescriptorSequence[] parts = new DescriptorSequence[ParallelRanges.count(n)];
        ParallelRanges.run(n, (part, from, to) -> {
            AreaSampler own = sampler.twin();
            Plane thumb = Plane.allocate(spec.thumbWidth(), spec.thumbHeight());
            DescriptorSequence.Builder b = DescriptorSequence.builder(spec);
            for (int i = from; i < to; i++) {
                own.apply(store.chunk(i), store.offset(i), thumb);
                b.add(thumb);
            }
            parts[part] = b.build();
        });
        DescriptorSequence.Builder all = DescriptorSequence.builder(spec);
        for (DescriptorSequence p : parts) {
            all.addAll(p);
        }
        return all.build();
    }

    /** The time alignment with every frame re-chosen among its neighbours on the fine thumbnails, and the tone curve found on the way. */
    private record Refined(TemporalAlignment alignment, ToneCurve tone) {
    }

    private static Refined refine(TemporalAlignment time, Scans scans, Footprint area, Clip bi, Clip fi,
                                  boolean[] fineMask) {
        ThumbnailStore fgFine = scans.fg().fine();
        ThumbnailStore bgStore = scans.bg().store();
        AreaSampler cut = sampler(bgStore, inStore(area, bi, bgStore), fgFine.width(), fgFine.height());
        ToneCurve tone = ToneMatch.of(fgFine, bgStore, cut, time, fineMask);
        FineTimeRefiner refiner = new FineTimeRefiner(fgFine, bgStore, cut, fineMask, tone);
        boolean[] trusted = new boolean[time.map().length];
        for (int i = 0; i < trusted.length; i++) {
            trusted[i] = time.frameConfidence()[i] > 0;
        }
        // The pictures decide every frame they can tell apart from its neighbours; a curve through
        // the times of the frames (TimeLine), led by those, then places the others nearest in time.
        // Where that curve leaves the coarse path's window (a speed step the coarse path smoothed
        // over), the window moves to the curve and the pictures are looked at again.
        TimeLine line = new TimeLine(scans.bg().times());
        double r = bi.fps() / fi.fps();
        boolean[] inserts = Inserts.of(time, fi.fps());
        FineTimeRefiner.Costs costs = refiner.costs(time.map());
        Curve curve = timeCurve(refiner, costs, trusted, inserts, line, scans.fg().times(), r);
        int[] centre = recentred(time.map(), curve.bg(), inserts, bi.frames());
        if (centre != null) {
            costs = refiner.costs(centre, costs);
            curve = timeCurve(refiner, costs, trusted, inserts, line, scans.fg().times(), r);
        }
        int[] refined = refiner.choose(costs, r, curve);
        // Where the pictures moved the curve again (a long flat start, a washed-out sky, put the coarse
        // path many frames off), the window follows it further; taken only where the clip's pictures
        // then fit better, so a curve that wanders on weak pictures cannot lead the map away.
        double fit = costs.picked(refined);
        FineTimeRefiner.Costs chosenFrom = costs;
        Curve chosenCurve = curve;
        FineTimeRefiner.Costs further = costs;
        for (int round = 1; round < RECENTRE_ROUNDS; round++) {
            centre = recentred(further.map, curve.bg(), inserts, bi.frames());
            if (centre == null) {
                break;
            }
            further = refiner.costs(centre, further);
            curve = timeCurve(refiner, further, trusted, inserts, line, scans.fg().times(), r);
            int[] again = refiner.choose(further, r, curve);
            double againFit = further.picked(again);
            if (againFit < fit) {
                refined = again;
                fit = againFit;
                chosenFrom = further;
                chosenCurve = curve;
            }
        }
        refined = repaired(refiner, chosenFrom, refined, chosenCurve.bg(), r, bi.frames());
        return new Refined(new TemporalAlignment(refined, time.frameConfidence(), time.confidence(), time.unmatched(),
                time.uninformative()), tone);
    }

    /** A frame is a misfit where its pictures fit this many times worse than the clip's median frame... */
    static final double MISFIT_FACTOR = 4;
    /** ... and by this much (1 - ZNCC) at least. */
    static final double MISFIT_MIN = 0.01;
    /** A misfit takes another bg frame where the pictures fit there at least this much better. */
    static final double REPAIR_SHARE = 0.5;

    /**
     * The map with its misfits looked at once more: frames whose pictures fit far worse than the
     * clip's own typical frame, because their window missed their moment (beside a cut the coarse path
     * ramped over, the frames on either side were held in bg frames of the skipped stretch). Each gets
     * the windows where its neighbours' steps continue to, from either side, and where the curve puts
     * it, and takes the best frame there when the pictures fit it at least twice as well.
     */
    private static int[] repaired(FineTimeRefiner refiner, FineTimeRefiner.Costs table, int[] chosen, double[] at,
                                  double bgPerFg, long bgFrames) {
        int n = chosen.length;
        double[] own = new double[n];
        double[] sorted = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            float c = table.costOf(i, chosen[i]);
            own[i] = Float.isNaN(c) ? Double.POSITIVE_INFINITY : c;
            if (table.informative[i] && !Float.isNaN(c)) {
                sorted[k++] = c;
            }
        }
        if (k == 0) {
            return chosen;
        }
        java.util.Arrays.sort(sorted, 0, k);
        double limit = Math.max(MISFIT_MIN, MISFIT_FACTOR * sorted[k / 2]);
        boolean[] misfit = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            misfit[i] = table.informative[i] && own[i] > limit;
            any |= misfit[i];
        }
        if (!any) {
            return chosen;
        }
        int[][] centres = {table.map.clone(), table.map.clone(), table.map.clone()};
        for (int a = 0; a < n; a++) {
            if (!misfit[a]) {
                continue;
            }
            int b = a;
            while (b + 1 < n && misfit[b + 1]) {
                b++;
            }
            for (int i = a; i <= b; i++) {
                if (!Double.isNaN(at[i])) {
                    centres[0][i] = clampFrame(Math.round(at[i]), bgFrames);
                }
                if (a > 0) {
                    centres[1][i] = clampFrame(chosen[a - 1] + Math.round((i - a + 1) * bgPerFg), bgFrames);
                }
                if (b + 1 < n) {
                    centres[2][i] = clampFrame(chosen[b + 1] - Math.round((b + 1 - i) * bgPerFg), bgFrames);
                }
            }
            a = b;
        }
        int[] out = chosen.clone();
        double[] best = own.clone();
        for (int[] centre : centres) {
            FineTimeRefiner.Costs look = refiner.costs(centre, table);
            int[] there = look.best();
            for (int i = 0; i < n; i++) {
                if (misfit[i] && look.bestCost(i) < REPAIR_SHARE * best[i]) {
                    best[i] = look.bestCost(i);
                    out[i] = there[i];
                }
            }
        }
        return out;
    }

    private static int clampFrame(long j, long bgFrames) {
        return (int) Math.max(0, Math.min(bgFrames - 1, j));
    }

    /**
     * Where every fg frame's moment falls in bg frames: a {@link TimeLine} through the frames the
     * pictures decide alone (full weight) and, lightly, the others as the step prior placed them;
     * a curve through bg frames a frame's pictures cannot tell from their best does not disagree with it.
     */
    private static Curve timeCurve(FineTimeRefiner refiner, FineTimeRefiner.Costs costs, boolean[] trusted,
                                   boolean[] inserts, TimeLine line, double[] fgTimes, double bgPerFg) {
        int n = trusted.length;
        int[] smooth = refiner.choose(costs, bgPerFg, inserts);
        int[] best = costs.best();
        boolean[] decisive = costs.decisive();
        double[] weight = new double[n];
        int[] evidence = new int[n];
        for (int i = 0; i < n; i++) {
            weight[i] = !trusted[i] ? 0 : decisive[i] ? 1 : UNDECIDED_WEIGHT;
            evidence[i] = decisive[i] ? best[i] : smooth[i];
        }
        return positions(line, fgTimes, evidence, weight, costs.alike(), costs.map, inserts);
    }

    /**
     * The coarse path moved to the time curve where the two differ by more than {@link #RECENTRE}
     * frames (kept non-decreasing between the map's jumps back, inside the bg), or null where they agree
     * everywhere. An insert's frames ({@link Inserts}) go from the window before it to the one after
     * it at an even pace: the coarse path may have run on through a slate where the bg stopped, and
     * the windows after it, kept from falling behind the slate's, missed their frames by two.
     */
    private static int[] recentred(int[] map, double[] at, boolean[] inserts, long bgFrames) {
        int n = map.length;
        int[] out = map.clone();
        boolean moved = false;
        for (int i = 0; i < n; i++) {
            if (!inserts[i] && !Double.isNaN(at[i]) && Math.abs(at[i] - map[i]) > RECENTRE) {
                out[i] = (int) Math.max(0, Math.min(bgFrames - 1, Math.round(at[i])));
                moved = true;
            }
        }
        for (FrameRange run : FrameRange.runsOf(inserts)) {
            int a = run.first();
            int b = run.last() + 1;
            if (a > 0 && b < n && out[b] >= out[a - 1]) {
                for (int k = a; k < b; k++) {
                    out[k] = out[a - 1] + (int) Math.round((double) (out[b] - out[a - 1]) * (k - a + 1) / (b - a + 1));
                    moved |= out[k] != map[k];
                }
            }
        }
        if (!moved) {
            return null;
        }
        for (int i = 1; i < n; i++) {
            if (map[i] >= map[i - 1]) { // within a piece; a jump back (a replay) starts a new one
                out[i] = Math.max(out[i], out[i - 1]);
            }
        }
        return out;
    }

    /**
     * The time curve's positions, fitted to every piece between the map's jumps back (replays) on its
     * own: one curve cannot run through both sides of a replay, and a window that reaches across would
     * bend towards the other side. An insert ({@link Inserts}: a black slug, a slate) parts pieces too,
     * and has no moment of its own: across it the bg may have stopped or run on, and a curve through
     * both sides (or either side's read on into it) put the frames after a 2 s black insert over a
     * slow pan up to 4 frames late.
     */
    static Curve positions(TimeLine line, double[] fgTimes, int[] evidence, double[] weight,
                           FineTimeRefiner.Alike alike, int[] map, boolean[] inserts) {
        int n = map.length;
        double[] out = new double[n];
        boolean[] firm = new boolean[n];
        int a = 0;
        for (int i = 1; i <= n; i++) {
            if (i < n && map[i] >= map[i - 1] && inserts[i] == inserts[i - 1]) {
                continue;
            }
            if (inserts[a]) {
                java.util.Arrays.fill(out, a, i, Double.NaN);
            } else {
                TimeLine.Reading piece = line.read(java.util.Arrays.copyOfRange(fgTimes, a, i),
                        java.util.Arrays.copyOfRange(evidence, a, i), java.util.Arrays.copyOfRange(weight, a, i),
                        java.util.Arrays.copyOfRange(alike.first(), a, i),
                        java.util.Arrays.copyOfRange(alike.last(), a, i));
                System.arraycopy(piece.at(), 0, out, a, i - a);
                java.util.Arrays.fill(firm, a, i, piece.firm());
            }
            a = i;
        }
        return new Curve(out, firm, inserts);
    }

    /**
     * Every fg frame's moment in bg frames, and whether it lies on a firm curve ({@link TimeLine.Reading#firm}).
     *
     * @param bg   the bg position of every fg frame's moment; NaN where unknown
     * @param open frames of an insert ({@link Inserts}), across which the bg's time may have stopped
     *             or run on: no step is expected into, through or out of them
     */
    record Curve(double[] bg, boolean[] firm, boolean[] open) {
    }

    /** The footprint in the stored bg thumbnails' pixels. */
    private static Footprint inStore(Footprint area, Clip bi, ThumbnailStore store) {
        return area.shrunk((double) bi.width() / store.width(), (double) bi.height() / store.height());
    }

    private static AreaSampler sampler(ThumbnailStore store, Footprint cut, int width, int height) {
        return sampler(store, cut, width, height, 0);
    }

    /**
     * With {@code blur} {@link AreaSampler#PHASE_FREE_BLUR}, the cut's noise is the same wherever it lies:
     * where places are compared by how well the clip fits there. Plain area means made a grainy bg fit a
     * clean fg better at fractional places, which over a tilt pulled the fg 11 px along it. Not for
     * matching time at one place, where every frame is cut alike and the blur only hides detail (a
     * still scene's small movers: a speed step lost 17 % of its frames).
     */
    private static AreaSampler sampler(ThumbnailStore store, Footprint cut, int width, int height, double blur) {
        return new AreaSampler(store.width(), store.height(), cut.x(), cut.y(), cut.width(), cut.height(), width,
                height, blur);
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
