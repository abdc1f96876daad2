package org.vidkompy.align;

import org.vidkompy.media.ClipSource;
import org.vidkompy.media.RecentRuns;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.io.NativeHeap;
import org.vidkompy.image.PixelRect;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Clip;
import org.vidkompy.media.FrameRange;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.media.Timing;
import org.vidkompy.spatial.SpatialAligner;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.spatial.SpatialOptions;
import org.vidkompy.temporal.TemporalAligner;
import org.vidkompy.temporal.TemporalAlignment;

/**
 * The analysis: where the fg sits in the bg, then which bg frame lies under every fg frame.
 *
 * <p>Position and time depend on each other: when the camera moves, an fg frame compared with a bg
 * frame of another moment fits best somewhere else, and a misplaced footprint makes other moments
 * look right. Hence:
 * <ol>
 * <li>A few fg samples (cheap, near key frames) give the letterbox/pillarbox box.</li>
 * <li>Both clips are decoded once, in parallel ({@link ClipScanner}, sized by {@link ScanPlan}). The
 *     fg becomes 32x32 descriptors of its content; the bg is kept as small whole-frame thumbnails,
 *     because its footprint is not known yet. Frames spread evenly over both are kept whole.</li>
 * <li>First placement: the kept fg frames against the kept bg frames. Both are dense in time, so the
 *     bg frames inside the fg's span have fg frames close to their moment. Where most fg frames did not
 *     agree on it, a round of steps 4-5 from each other place they landed shows which the whole clip
 *     fits, and the line through the two best is walked for a better one ({@link PlacementChoice}).</li>
 * <li>bg descriptors are cut from the stored thumbnails at the footprint; temporal alignment
 *     ({@link TimeMatcher}).</li>
 * <li>Final placement at full resolution from frame pairs the temporal map says show the same moment
 *     (fetched individually, the cheapest to decode). If that moved the footprint, steps 4-5 repeat —
 *     from memory, without decoding again ({@link PlacementRounds}), until the time alignment
 *     picks the same frame pairs for the final placement as the round before. Rounds that ran out still
 *     moving, or came a long way, may have stopped short: the whole clip is tried further along their way.</li>
 * <li>Over a pan a placement and a map both a little off can agree with each other: where the whole
 *     clip fits clearly better at a placement nearby ({@link WholeClipFit}), steps 4-5 start again from
 *     there, once; should they go back, that placement stands.</li>
 * <li>An fg that matches nothing over time is not in the bg ({@link NotFoundRule}).</li>
 * </ol>
 * A bg much longer than the fg is first looked at cheaply, key frames only, for the part the fg can lie
 * in ({@link BgWindow}); then steps 2-6 decode and compare only that part. Otherwise, where fg and bg
 * have one frame rate, the bg's reference frames are decoded first, alone ({@link ReferenceFirst}):
 * where the fg is the bg shifted by whole frames and the first placement is clear, that is the answer,
 * placed at full resolution on the file's frames; anything else in time goes on as above.
 * The same code serves files (FFmpeg) and the OpenFX host's clips: only the {@link ClipSource} differs.
 */
public final class Analyzer {

    private final ClipScanner scanner = new ClipScanner();
    private final PlacementRounds placement;
    private final TimeMatcher timing;
    private final BgWindow window;
    private final WholeClipFit fit;
    private final PlacementChoice choice;
    private final SpatialAligner spatialAligner;
    private final TemporalAligner temporalAligner;

    /** Times the rounds start again from where the whole clip fits better ({@link WholeClipFit}). */
    static final int MAX_RESTARTS = 1;
    /**
     * How much worse (share of the misfit) the whole clip may fit where its time runs straight than
     * where it bent, for the straight one to stand ({@link #straightened}).
     */
    static final double STRAIGHT_ALLOWANCE = 0.1;
    /** Share of the misfit a place a frame of time over must remove to be taken ({@link #nearbyLines}). */
    static final double ONE_FRAME_GAIN = 0.02;
    /** Bg frames {@link #nearbyLines} moves a straight map's line, and a bent map's. */
    private static final int[] ONE_FRAME = {-1, 1};
    private static final int[] NEARBY = {-1, 1, -2, 2};
    private static final int[] IN_BETWEEN = {0, -1, 1, -2, 2};
    /** Times the rounds, run out still moving, jump on along their way ({@link PlacementChoice#further}). */
    static final int MAX_JUMPS = 1;

    /** Whether a bg is first analysed by its reference frames alone ({@link ReferenceFirst}). */
    private final boolean referenceScan;

    @Inject
    public Analyzer(SpatialAligner spatial, TemporalAligner temporal) {
        this(spatial, temporal, true);
    }

    private Analyzer(SpatialAligner spatial, TemporalAligner temporal, boolean referenceScan) {
        this.referenceScan = referenceScan;
        this.spatialAligner = spatial;
        this.temporalAligner = temporal;
        this.placement = new PlacementRounds(spatial);
        this.timing = new TimeMatcher(temporal);
        this.window = new BgWindow(scanner, spatial);
        this.fit = new WholeClipFit(timing);
        this.choice = new PlacementChoice(timing);
    }

    /** This analysis decoding every bg frame it compares: what the reference-frame look must agree with. */
    Analyzer everyFrame() {
        return new Analyzer(spatialAligner, temporalAligner, false);
    }

    /**
     * Everything the analysis found, with how long each part took.
     *
     * @param bgWindow   the bg frames the analysis decoded ({@link BgWindow}): all of them, or for a long bg
     *                   with a short fg only the part the fg can lie in
     * @param bgKeyFrames bg key frames the look before that decoded (0 where there was none)
     * @param bgReferenceFrames where only the bg's reference frames were decoded and compared
     *                    ({@link ReferenceFirst}), how many; 0 where all its frames were
     */
    public record Result(Alignment alignment, PixelRect contentBox, SpatialAlignment spatial,
                         TemporalAlignment temporal, Timings timings, int rounds, FrameRange bgWindow,
                         int bgKeyFrames, int bgReferenceFrames) {
        public Result(Alignment alignment, PixelRect contentBox, SpatialAlignment spatial,
                      TemporalAlignment temporal, Timings timings, int rounds, FrameRange bgWindow,
                      int bgKeyFrames) {
            this(alignment, contentBox, spatial, temporal, timings, rounds, bgWindow, bgKeyFrames, 0);
        }

        Result withTimings(Timings t) {
            return new Result(alignment, contentBox, spatial, temporal, t, rounds, bgWindow, bgKeyFrames,
                    bgReferenceFrames);
        }
    }

    /**
     * Wall-clock seconds per stage; {@code look}: finding the part of a long bg to decode (0: none);
     * {@code windowsNotTaken}: analyses of bg windows that the key frames did not confirm or where the fg
     * was not found, before the analysis that counts (a 64x36 inset of a 1080p bg spent 90 of its 139 s
     * there, and the summary used to show only the other 49).
     */
    public record Timings(double sampling, double scan, double spatial, double temporal, double look,
                          double windowsNotTaken, double referenceNotTaken) {
        public Timings(double sampling, double scan, double spatial, double temporal) {
            this(sampling, scan, spatial, temporal, 0, 0, 0);
        }

        public Timings(double sampling, double scan, double spatial, double temporal, double look) {
            this(sampling, scan, spatial, temporal, look, 0, 0);
        }

        public Timings(double sampling, double scan, double spatial, double temporal, double look,
                       double windowsNotTaken) {
            this(sampling, scan, spatial, temporal, look, windowsNotTaken, 0);
        }

        public double total() {
            return sampling + scan + spatial + temporal + look + windowsNotTaken + referenceNotTaken;
        }

        Timings withWindowsNotTaken(double seconds) {
            return new Timings(sampling, scan, spatial, temporal, look, seconds, referenceNotTaken);
        }

        Timings withReferenceNotTaken(double seconds) {
            return new Timings(sampling, scan, spatial, temporal, look, windowsNotTaken, seconds);
        }
    }

    public Result analyze(ClipSource bg, ClipSource fg, AnalysisOptions options, AnalysisProgress progress) {
        Clip bi = bg.info();
        if (!BgWindow.applies(bi, fg.info(), options)) {
            return referenceFirst(bg, fg, options, progress);
        }
        BgWindow.Look look = window.look(bg, fg, options, progress);
        // A window found by the look, then (once) the one the look finds at the placement its analysis
        // found; each must agree with the key frames, or else the whole bg decides, as without the look.
        BgWindow.Look tried = look.found() ? look : null;
        double notTaken = 0;
        for (int attempt = 0; attempt < 2 && tried != null; attempt++) {
            ClipSource part = bg.window(tried.from(), tried.to());
            if (part == null) {
                break;
            }
            long t0 = System.nanoTime();
            Result r;
            try {
                r = inWhole(analyze(part, fg, look.fg(), options, progress), tried, bi);
            } catch (NoMatchException e) {
                notTaken += (System.nanoTime() - t0) / 1e9;
                break; // not in the window after all
            }
            if (BgWindow.confirms(tried, r.spatial(), r.contentBox(), r.alignment().temporal().map(), bi, fg.info())) {
                return r.withTimings(r.timings().withWindowsNotTaken(notTaken));
            }
            notTaken += (System.nanoTime() - t0) / 1e9;
            tried = BgWindow.again(tried, r.spatial(), r.contentBox(), bi);
        }
        Result r = analyze(bg, fg, look.fg(), options, progress);
        Timings t = r.timings();
        return new Result(r.alignment(), r.contentBox(), r.spatial(), r.temporal(),
                new Timings(t.sampling(), t.scan(), t.spatial(), t.temporal(), look.seconds(), notTaken),
                r.rounds(), r.bgWindow(), look.keyFrames());
    }

    /**
     * The analysis of the bg's reference frames alone, where it answers for every frame
     * ({@link ReferenceFirst}); else (and where there are none to look at alone) of all of them, with
     * the fg's scan from the first look.
     */
    private Result referenceFirst(ClipSource bg, ClipSource fg, AnalysisOptions options, AnalysisProgress progress) {
        ClipSource.Subset refs = referenceScan && ReferenceFirst.applies(bg.info(), fg.info(), options)
                && bg.evenlyTimed() && fg.evenlyTimed() ? bg.referenceFrames() : null;
        if (refs == null) {
            return analyze(bg, fg, null, options, progress);
        }
        long t0 = System.nanoTime();
        ClipScanner.FgSide[] fgSide = new ClipScanner.FgSide[1];
        try (ClipSource part = refs.clip()) {
            Result r = analyze(part, fg, null, options, progress, s -> fgSide[0] = s, new Expansion(bg, refs.frames()));
            if (r != null) {
                return r;
            }
        } catch (NoMatchException | ClipSource.NotAsPromised e) {
            // Not found among the reference frames, or they were not what the packets said: all frames decide.
        }
        double spent = (System.nanoTime() - t0) / 1e9;
        Result r = analyze(bg, fg, fgSide[0], options, progress);
        return r.withTimings(r.timings().withReferenceNotTaken(spent));
    }

    /** The bg whose reference frames {@code frames} an analysis looks at ({@link ReferenceFirst}). */
    private record Expansion(ClipSource file, int[] frames) {
    }

    /** A result for the window {@code look.from()..} as one for the whole bg: its frame numbers moved on. */
    private static Result inWhole(Result r, BgWindow.Look look, Clip bi) {
        int from = look.from();
        Alignment a = r.alignment();
        int[] map = a.temporal().map().clone();
        for (int i = 0; i < map.length; i++) {
            map[i] += from;
        }
        TemporalAlignment t = r.temporal();
        int[] tmap = t.map().clone();
        for (int i = 0; i < tmap.length; i++) {
            tmap[i] += from;
        }
        Clip b = a.background();
        Timing at = a.temporal();
        Alignment whole = new Alignment(new Clip(bi.name(), b.width(), b.height(), b.fps(), bi.frames()),
                a.foreground(), a.spatial(), new Timing(at.confidence(), map, at.frameConfidence(), at.unmatched()));
        Timings s = r.timings();
        return new Result(whole, r.contentBox(), r.spatial(),
                new TemporalAlignment(tmap, t.frameConfidence(), t.confidence(), t.unmatched(), t.uninformative()),
                new Timings(s.sampling(), s.scan(), s.spatial(), s.temporal(), look.seconds()), r.rounds(),
                new FrameRange(from, look.to() - 1), look.keyFrames());
    }

    private Result analyze(ClipSource clip, ClipSource fg, ClipScanner.FgSide known, AnalysisOptions options,
                           AnalysisProgress progress) {
        return analyze(clip, fg, known, options, progress, s -> { }, null);
    }

    /**
     * @param scanned   told the fg's scan, before anything can fail for want of a match
     * @param expansion where {@code clip} is a file's reference frames: that file; the result is then
     *                  for all of its frames, or null where the reference frames do not answer for them
     */
    private Result analyze(ClipSource clip, ClipSource fg, ClipScanner.FgSide known, AnalysisOptions options,
                           AnalysisProgress progress, Consumer<ClipScanner.FgSide> scanned, Expansion expansion) {
        // The rounds fetch the same runs of bg frames again (each pair's moment and its neighbours).
        try (RecentRuns bg = new RecentRuns(clip, PlacementRounds.FINAL_BUDGET)) {
            return analyze(bg, fg, known, options, progress, clip.info(), scanned, expansion);
        }
    }

    private Result analyze(ClipSource bg, ClipSource fg, ClipScanner.FgSide known, AnalysisOptions options,
                           AnalysisProgress progress, Clip bi, Consumer<ClipScanner.FgSide> scanned,
                           Expansion expansion) {
        Clip fi = fg.info();
        SpatialOptions so = options.spatial();
        Stopwatch clock = new Stopwatch();

        Scans scans = scanner.scanBoth(bg, fg, known, options, progress);
        scanned.accept(scans.fgSide());
        // The scan's decoders are closed; what they freed would otherwise stay in malloc's arenas
        // under everything the rounds allocate after them.
        NativeHeap.trim();
        double scanTime = clock.lap() - (known != null ? 0 : scans.samplingSeconds());

        SpatialOptions placed = so.withContentBox(scans.box());
        SpatialAlignment first = so.shift() != null
                ? new SpatialAlignment(so.shift().x(), so.shift().y(), 1.0, 1.0)
                : placement.first(scans, placed, bi, progress);
        double firstTime = clock.lap();
        // Where the first placement's samples disagreed, a round from each place they landed shows which
        // one the whole clip fits (PlacementChoice); the rounds go on from that one.
        List<SpatialAlignment> starts = so.shift() != null ? List.of(first) : PlacementChoice.starts(first);
        if (expansion != null) {
            // A first placement in doubt is for the rounds on all frames to settle.
            return starts.size() > 1 ? null : onReferenceFrames(bg, fg, fi, scans, placed, first, expansion, options, progress, clock,
                    new Timings(known != null ? 0 : scans.samplingSeconds(), scanTime, firstTime, 0));
        }
        Settled s = new Settled(first, null, 0, 0, 0);
        PlacementChoice.Walk walk = null;
        if (starts.size() > 1) {
            List<PlacementChoice.Choice> tried = new ArrayList<>();
            double rival = Double.NaN;
            for (SpatialAlignment start : starts) {
                Settled t = settle(bg, fg, fi, scans, placed, start, null, options, progress, clock, 0,
                        PlacementChoice.TRIAL_ROUNDS, rival);
                rival = Double.isNaN(rival) ? t.place().confidence() : Math.max(rival, t.place().confidence());
                tried.add(new PlacementChoice.Choice(t.place(), t.time(),
                        choice.misfit(bi, scans, t.place(), t.time(), options)));
                s = s.then(t);
            }
            walk = choice.along(bg, fi, scans, tried, options);
            PlacementChoice.Choice best = walk.chosen();
            s = new Settled(best.place(), best.time(), s.rounds(), s.spatialTime(), s.temporalTime())
                    .plus(0, clock.lap());
        }
        s = s.then(settle(bg, fg, fi, scans, placed, s.place(), s.time(), options, progress, clock, MAX_JUMPS,
                PlacementRounds.MAX_ROUNDS, Double.NaN));
        if (walk != null && walk.rival() != null) {
            // Two places the walk could not tell apart: the rounds from each, and the clip's word on where they end.
            Settled rival = settle(bg, fg, fi, scans, placed, walk.rival().place(), walk.rival().time(), options,
                    progress, clock, MAX_JUMPS, PlacementRounds.MAX_ROUNDS, Double.NaN);
            boolean better = choice.misfit(bi, scans, rival.place(), rival.time(), options)
                    < choice.misfit(bi, scans, s.place(), s.time(), options);
            Settled both = s.then(rival).plus(0, clock.lap());
            s = better ? both : both.at(s);
        }
        s = s.plus(firstTime, 0);
        // The rounds settle where the final placement's frame pairs agree with the map; over a pan a
        // placement and a map both a little off can agree too. The whole clip tells (WholeClipFit):
        // where it fits clearly better elsewhere, the rounds start again from there.
        for (int k = 0; so.shift() == null; k++) {
            SpatialAlignment better = fit.better(bi, scans, s.place(), s.time(), options);
            if (better == null) {
                s = s.plus(0, clock.lap());
                break;
            }
            if (k == MAX_RESTARTS) {
                // The rounds went back to where the clip fits worse: the whole clip has the last word.
                s = new Settled(better, timing.match(bg, fi, scans, better, options, s.time()), s.rounds(),
                        s.spatialTime(), s.temporalTime()).plus(0, clock.lap());
                break;
            }
            s = s.plus(0, clock.lap()).then(settle(bg, fg, fi, scans, placed, better, s.time(), options, progress,
                    clock));
        }
        if (so.shift() == null) {
            s = starts.size() > 1 ? nearbyLines(bg, fg, fi, scans, placed, s, options, progress, clock)
                    : straightened(bg, fg, fi, scans, placed, s, options, progress, clock);
        }
        SpatialAlignment place = s.place();
        TimeMatcher.Match time = s.time();
        int rounds = s.rounds();
        double spatialTime = s.spatialTime();
        double temporalTime = s.temporalTime();

        TemporalAlignment t = time.alignment();
        NotFoundRule.checkOverlap(place, scans.box(), bi.width(), bi.height());
        if (so.shift() == null) {
            NotFoundRule.checkMeasured(place);
        }
        NotFoundRule.check(place, t);
        Alignment alignment = new Alignment(
                new Clip(bi.name(), bi.width(), bi.height(), bi.fps(), time.bgFrames()),
                new Clip(fi.name(), fi.width(), fi.height(), fi.fps(), scans.fg().descriptors().size()),
                place.placement(),
                new Timing(t.confidence(), t.map(), t.frameConfidence(), t.unmatched()));
        return new Result(alignment, scans.box(), place, t,
                new Timings(known != null ? 0 : scans.samplingSeconds(), scanTime, spatialTime, temporalTime), rounds,
                new FrameRange(0, Math.max(0, time.bgFrames() - 1)), 0);
    }

    /**
     * Where the first placement is clear, the rounds on a file's reference frames: each matches their
     * time at the placement and, where that is a shift of the fg ({@link ReferenceFirst}), places the fg
     * on the pairs of the file's frames it gives, until the placement or its pairs stay as they were.
     * Null where the time is not a shift or does not settle: then all frames decide.
     */
    private Result onReferenceFrames(ClipSource refs, ClipSource fg, Clip fi, Scans scans, SpatialOptions placed,
                                     SpatialAlignment first, Expansion expansion, AnalysisOptions options,
                                     AnalysisProgress progress, Stopwatch clock, Timings before) {
        ClipSource file = expansion.file();
        Clip bi = file.info();
        Scans onFile = scans.keepingNoBgFrames();
        SpatialOptions so = options.spatial();
        SpatialAlignment place = first;
        List<PlacementRounds.Pair> used = null;
        double spatialTime = before.spatial();
        double temporalTime = 0;
        int[] frames = expansion.frames();
        int fgFrames = scans.fg().descriptors().size();
        progress.stage("temporal", 1);
        TimeMatcher.Match time = timing.match(refs, fi, scans, place, options, null);
        progress.advance(1);
        // The map says about which shift; the pictures, at this placement, which.
        Integer c = ReferenceFirst.shift(time.alignment(), frames, (int) bi.frames(), false,
                costsAt(refs.info(), frames, scans, place, time, options));
        temporalTime += clock.lap();
        for (int round = 1; c != null && round <= PlacementRounds.MAX_ROUNDS; round++) {
            TemporalAlignment whole = ReferenceFirst.shifted(time.alignment(), frames, c);
            List<PlacementRounds.Pair> pairs = placement.pairs(file, fg, onFile, whole, place, false);
            boolean same = pairs.equals(used);
            SpatialAlignment refined = so.shift() != null || same ? place
                    : placement.last(file, fg, onFile, pairs, time.tone(), placed, place, Double.NaN, progress);
            spatialTime += clock.lap();
            // At the placement the pairs give, the shift must hold at every reference frame.
            ReferenceFirst.PictureCosts there = costsAt(refs.info(), frames, scans, refined, time, options);
            Integer answer = ReferenceFirst.shift(c, fgFrames, frames, (int) bi.frames(), true, there);
            Integer moved = answer != null ? answer
                    : ReferenceFirst.shift(c, fgFrames, frames, (int) bi.frames(), false, there);
            temporalTime += clock.lap();
            if (moved == null || (answer == null && moved.equals(c))) {
                return null; // not a shift after all (or the pictures stopped telling)
            }
            boolean done = answer != null && answer.equals(c)
                    && (so.shift() != null || same || PlacementRounds.settled(place, refined, scans.box()));
            if (done) {
                place = refined;
                NotFoundRule.checkOverlap(place, scans.box(), bi.width(), bi.height());
                if (so.shift() == null) {
                    NotFoundRule.checkMeasured(place);
                }
                NotFoundRule.check(place, whole);
                Alignment alignment = new Alignment(bi,
                        new Clip(fi.name(), fi.width(), fi.height(), fi.fps(), scans.fg().descriptors().size()),
                        place.placement(), new Timing(whole.confidence(), whole.map(), whole.frameConfidence(),
                        whole.unmatched()));
                return new Result(alignment, scans.box(), place, whole,
                        new Timings(before.sampling(), before.scan(), spatialTime, temporalTime), round,
                        new FrameRange(0, (int) bi.frames() - 1), 0, expansion.frames().length);
            }
            used = pairs;
            place = refined;
            c = moved;
        }
        return null;
    }

    /** The picture costs of fg frames against the bg's at {@code place}, in {@code time}'s grade. */
    private ReferenceFirst.PictureCosts costsAt(Clip bi, int[] refs, Scans scans, SpatialAlignment place,
                                                TimeMatcher.Match time, AnalysisOptions options) {
        boolean[] mask = timing.fineMask(bi, scans, place, options);
        return new ReferenceFirst.PictureCosts() {
            private int lastLow = Integer.MIN_VALUE;
            private int lastShifts;
            private double[][] last;

            @Override
            public double[][] of(int low, int shifts) {
                // The answer and, where it fails, a shift to go on with are weighed on the same table.
                if (low != lastLow || shifts != lastShifts) {
                    last = timing.shiftCosts(bi, scans, place, time, mask, refs, low, shifts);
                    lastLow = low;
                    lastShifts = shifts;
                }
                return last;
            }
        };
    }

    /**
     * Rounds of time alignment and final placement from {@code place} until the final placement uses
     * the same frame pairs as the round before or stops moving ({@link PlacementRounds#settled}).
     */
    private Settled settle(ClipSource bg, ClipSource fg, Clip fi, Scans scans, SpatialOptions placed,
                           SpatialAlignment place, TimeMatcher.Match before, AnalysisOptions options,
                           AnalysisProgress progress, Stopwatch clock) {
        return settle(bg, fg, fi, scans, placed, place, before, options, progress, clock, MAX_JUMPS,
                PlacementRounds.MAX_ROUNDS, Double.NaN);
    }

    /** @param rival the best pair confidence another start's rounds reached, NaN where none ran */
    private Settled settle(ClipSource bg, ClipSource fg, Clip fi, Scans scans, SpatialOptions placed,
                           SpatialAlignment place, TimeMatcher.Match before, AnalysisOptions options,
                           AnalysisProgress progress, Stopwatch clock, int jumps, int maxRounds, double rival) {
        SpatialOptions so = options.spatial();
        TimeMatcher.Match time = before;
        List<PlacementRounds.Pair> used = null;
        double spatialTime = 0;
        double temporalTime = 0;
        int rounds = 0;
        // Whether the placement moved on since the time was last matched (the rounds ran out).
        boolean stale = false;
        SpatialAlignment start = place;
        SpatialAlignment previous = place;
        while (rounds < maxRounds) {
            rounds++;
            progress.stage("temporal", 1);
            time = timing.match(bg, fi, scans, place, options, time);
            stale = false;
            progress.advance(1);
            temporalTime += clock.lap();
            if (so.shift() != null) {
                break; // a placement given by the user is not refined
            }
            // A trial start keeps to the fewest pairs: the starts are compared by how well their pairs
            // match (rival) and a trial should be cheap; with twelve pairs in the trials a 145x82 fg at
            // scale 0.53 ended 23 px off.
            boolean trial = maxRounds == PlacementChoice.TRIAL_ROUNDS;
            List<PlacementRounds.Pair> pairs = placement.pairs(bg, fg, scans, time.alignment(), place, trial);
            if (pairs.equals(used)) {
                break; // the same frames as the round before: the same placement
            }
            used = pairs;
            SpatialAlignment refined = placement.last(bg, fg, scans, pairs, time.tone(), placed, place, rival,
                    progress);
            spatialTime += clock.lap();
            boolean settled = PlacementRounds.settled(place, refined, scans.box());
            previous = place;
            place = refined;
            if (settled) {
                break;
            }
            stale = true;
        }
        if (stale) {
            // The rounds ran out still moving (a pan trading placement for time, back and forth): the
            // time matched a round ago would be a frame off here. A real clip's tilt had 189 of 200
            // frames one early at a placement 0.2 px from the truth.
            time = timing.match(bg, fi, scans, place, options, time);
            temporalTime += clock.lap();
        }
        // Rounds that ran out, or came a long way, may have stopped short: a look further along their way.
        SpatialAlignment way = stale ? previous : start;
        boolean far = stale || PlacementChoice.moved(way, place, scans.box()) >= PlacementChoice.JUMP_MIN;
        if (jumps > 0 && so.shift() == null && far) {
            double here = choice.misfit(bg.info(), scans, place, time, options);
            PlacementChoice.Choice further = choice.further(bg, fi, scans, place, time, here, way, options);
            temporalTime += clock.lap();
            if (further != null) {
                Settled ended = new Settled(place, time, rounds, spatialTime, temporalTime);
                Settled there = settle(bg, fg, fi, scans, placed, further.place(), further.time(), options, progress,
                        clock, jumps - 1, maxRounds, rival);
                Settled both = ended.then(there).plus(0, clock.lap());
                boolean better = choice.misfit(bg.info(), scans, there.place(), there.time(), options) < here;
                return better ? both : both.at(ended);
            }
        }
        return new Settled(place, time, rounds, spatialTime, temporalTime);
    }

    /**
     * Where the map bends away from the clips' timestamps ({@link StraightTime}): the placement the
     * straight map's frame pairs give, and the rounds from there; taken where the time matched there runs
     * straight and the whole clip fits about as well ({@link #STRAIGHT_ALLOWANCE}).
     */
    private Settled straightened(ClipSource bg, ClipSource fg, Clip fi, Scans scans, SpatialOptions placed,
                                 Settled s, AnalysisOptions options, AnalysisProgress progress, Stopwatch clock) {
        double[] fgTimes = scans.fg().times();
        double[] bgTimes = scans.bg().times();
        TemporalAlignment bent = s.time().alignment();
        if (StraightTime.share(bent, fgTimes, bgTimes) >= StraightTime.BENT) {
            return s;
        }
        TemporalAlignment line = StraightTime.straightened(bent, fgTimes, bgTimes);
        List<PlacementRounds.Pair> pairs = placement.pairs(bg, fg, scans, line, s.place(), false);
        SpatialAlignment start = placement.last(bg, fg, scans, pairs, s.time().tone(), placed, s.place(), Double.NaN,
                progress);
        Settled there = settle(bg, fg, fi, scans, placed, start, null, options, progress, clock);
        Clip bi = bg.info();
        boolean straight = StraightTime.share(there.time().alignment(), fgTimes, bgTimes) >= StraightTime.STRAIGHT;
        boolean fits = straight && choice.misfit(bi, scans, there.place(), there.time(), options)
                <= (1 + STRAIGHT_ALLOWANCE) * choice.misfit(bi, scans, s.place(), s.time(), options);
        Settled both = s.then(there).plus(0, clock.lap());
        return fits ? both : both.at(s);
    }

    /**
     * Where the first placement was in doubt, {@link #straightened}'s search, wider. Along a camera move a
     * frame of time trades for the pixels the camera moved in it, and the rounds stop at either: small
     * crops of a tilt, enlarged, at half rate, stopped 2 px along it with every frame a frame off, their
     * maps straight, or bent near the tilt's end where the straight line through their middle led back to
     * the same place; random crops of a generated tilt down soft clouds stopped up to 90 px along it, every
     * place tried with a bent map. So:
     * <ul>
     * <li>where the camera's move says when the fg happened ({@link MotionTime}), the line at that moment,
     * from the place the bg's path puts it ({@link #movedLine}), unless the map already runs there; taken
     * where its time runs straight and the whole clip fits about as well ({@link #STRAIGHT_ALLOWANCE}):
     * there the move is the better judge of a frame or two than the clip's fit (the tilt above fitted
     * 2.3 % better 2 px off);
     * <li>else, or where that did not hold, a bent map is straightened ({@link #straightened}), or where
     * that is not taken, its line a frame or two either way is tried; and a straight map (as found or as
     * straightened) is tried a frame either way, taken where the clip fits {@link #ONE_FRAME_GAIN} better.
     * </ul>
     */
    private Settled nearbyLines(ClipSource bg, ClipSource fg, Clip fi, Scans scans, SpatialOptions placed,
                                Settled s, AnalysisOptions options, AnalysisProgress progress, Stopwatch clock) {
        if (s.time().alignment().matchedFrames().length < StraightTime.MIN_FRAMES) {
            return s;
        }
        double[] fgTimes = scans.fg().times();
        double[] bgTimes = scans.bg().times();
        Clip bi = bg.info();
        double misfit = choice.misfit(bi, scans, s.place(), s.time(), options);
        double share = StraightTime.share(s.time().alignment(), fgTimes, bgTimes);
        boolean straight = share >= StraightTime.STRAIGHT;
        TrialLine moved = movedLine(scans, bi, s);
        double own = StraightTime.offset(s.time().alignment(), fgTimes, bgTimes);
        if (moved != null && straight) {
            double frame = (bgTimes[bgTimes.length - 1] - bgTimes[0]) / Math.max(1, bgTimes.length - 1);
            if (Math.abs(own - moved.moment().offset()) < 0.5 * frame) {
                return s;
            }
            if (moved.moment().holds(own)) {
                // The move does not tell the map's moment from its own (a 72x26 fg's path wanders by 2 px).
                moved = null;
            }
        }
        if (moved != null) {
            Settled there = tryLines(bg, fg, fi, scans, placed, s, List.of(moved),
                    (1 + STRAIGHT_ALLOWANCE) * misfit, options, progress, clock);
            if (there.place() != s.place()) {
                return there;
            }
            // The move's moment did not hold (a scene that moves in parts): the lines near the map's own.
            s = there;
        }
        if (!straight) {
            Settled line = straightened(bg, fg, fi, scans, placed, s, options, progress, clock);
            if (line.place() == s.place()) {
                List<TrialLine> nearby = new ArrayList<>();
                // A map between bent and straight is not straightened: its own line is tried too.
                for (int later : share >= StraightTime.BENT ? IN_BETWEEN : NEARBY) {
                    nearby.add(new TrialLine(null,
                            StraightTime.straightened(s.time().alignment(), fgTimes, bgTimes, later), s.place()));
                }
                Settled there = tryLines(bg, fg, fi, scans, placed, line, nearby,
                        (1 + STRAIGHT_ALLOWANCE) * misfit, options, progress, clock);
                if (there.place() == s.place()) {
                    return there;
                }
                line = there;
            }
            s = line;
            misfit = choice.misfit(bi, scans, s.place(), s.time(), options);
        }
        List<TrialLine> over = new ArrayList<>();
        for (int later : ONE_FRAME) {
            over.add(new TrialLine(null, StraightTime.straightened(s.time().alignment(), fgTimes, bgTimes, later),
                    s.place()));
        }
        return tryLines(bg, fg, fi, scans, placed, s, over, (1 - ONE_FRAME_GAIN) * misfit, options, progress, clock);
    }

    /**
     * A round from each line's place, on its pairs; the rounds from the best fitting one whose time runs
     * straight, kept where they end straight and fitting better than {@code bar}; else {@code s} as it was.
     */
    private Settled tryLines(ClipSource bg, ClipSource fg, Clip fi, Scans scans, SpatialOptions placed, Settled s,
                             List<TrialLine> lines, double bar, AnalysisOptions options, AnalysisProgress progress,
                             Stopwatch clock) {
        double[] fgTimes = scans.fg().times();
        double[] bgTimes = scans.bg().times();
        Clip bi = bg.info();
        Settled work = s;
        Settled best = null;
        double least = bar;
        for (TrialLine l : lines) {
            List<PlacementRounds.Pair> pairs = placement.pairs(bg, fg, scans, l.line(), l.place(), false);
            SpatialAlignment start = placement.last(bg, fg, scans, pairs, s.time().tone(), placed, l.place(),
                    Double.NaN, progress);
            Settled there = settle(bg, fg, fi, scans, placed, start, null, options, progress, clock, 0,
                    PlacementChoice.TRIAL_ROUNDS, Double.NaN);
            work = work.then(there);
            double m = choice.misfit(bi, scans, there.place(), there.time(), options);
            if (m < least && there.place().measured()
                    && StraightTime.share(there.time().alignment(), fgTimes, bgTimes) >= StraightTime.STRAIGHT) {
                least = m;
                best = there;
            }
        }
        if (best == null) {
            return work.plus(0, clock.lap()).at(s);
        }
        Settled ended = settle(bg, fg, fi, scans, placed, best.place(), best.time(), options, progress, clock,
                MAX_JUMPS, PlacementRounds.MAX_ROUNDS, Double.NaN);
        boolean holds = StraightTime.share(ended.time().alignment(), fgTimes, bgTimes) >= StraightTime.STRAIGHT
                && choice.misfit(bi, scans, ended.place(), ended.time(), options) < bar;
        Settled both = work.then(ended).plus(0, clock.lap());
        return holds ? both : both.at(s);
    }

    /**
     * A straight map and the place it is tried from: at the moment the camera's move gives ({@link MotionTime},
     * {@code moment}), or a frame or two from the map as found ({@code moment} null).
     */
    private record TrialLine(MotionTime.Moment moment, TemporalAlignment line, SpatialAlignment place) {
    }

    /**
     * Where the camera's move puts the fg in time ({@link MotionTime}) and, moved along the bg's path by as
     * much as that time lies from {@code s}'s, in space; null where the move says nothing.
     */
    private static TrialLine movedLine(Scans scans, Clip bi, Settled s) {
        ThumbnailStore store = scans.bg().store();
        ThumbnailStore fine = scans.fg().fine();
        double[] fgTimes = scans.fg().times();
        double[] bgTimes = scans.bg().times();
        int frames = Math.min(store.size(), bgTimes.length);
        if (frames < 2 || fine.size() < 2) {
            return null;
        }
        SpatialAlignment place = s.place();
        double bgPixel = (double) bi.width() / store.width();
        double fgPixelX = (double) scans.box().width() / fine.width() * place.scale();
        double fgPixelY = (double) scans.box().height() / fine.height() * place.scale();
        CameraPath bgPath = CameraPath.of(store, 0, frames - 1);
        CameraPath fgPath = CameraPath.of(fine, 0, Math.min(fine.size(), fgTimes.length) - 1);
        MotionTime.Moment moment = MotionTime.moment(bgPath, bgPixel, fgPath, fgPixelX, fgPixelY, fgTimes, bgTimes);
        if (moment == null) {
            return null;
        }
        double offset = moment.offset();
        TemporalAlignment now = s.time().alignment();
        TemporalAlignment line = StraightTime.onLine(now, fgTimes, bgTimes, offset, 0);
        int[] matched = now.matchedFrames();
        if (matched.length == 0) {
            return null;
        }
        double[] dx = new double[matched.length];
        double[] dy = new double[matched.length];
        for (int k = 0; k < matched.length; k++) {
            int i = matched[k];
            dx[k] = (bgPath.x(line.map()[i]) - bgPath.x(now.map()[i])) * bgPixel;
            dy[k] = (bgPath.y(line.map()[i]) - bgPath.y(now.map()[i])) * bgPixel;
        }
        Arrays.sort(dx);
        Arrays.sort(dy);
        return new TrialLine(moment, line, new SpatialAlignment(place.x() + dx[dx.length / 2],
                place.y() + dy[dy.length / 2], place.scale(), place.confidence(), place.consensus()));
    }

    /** Where the rounds ended, with the time alignment of their last round, and what they took. */
    private record Settled(SpatialAlignment place, TimeMatcher.Match time, int rounds, double spatialTime,
                           double temporalTime) {

        Settled plus(double spatial, double temporal) {
            return new Settled(place, time, rounds, spatialTime + spatial, temporalTime + temporal);
        }

        /** {@code other}'s placement and time, with this one's work. */
        Settled at(Settled other) {
            return new Settled(other.place, other.time, rounds, spatialTime, temporalTime);
        }

        /** {@code next}'s result, after this one's work. */
        Settled then(Settled next) {
            return new Settled(next.place, next.time, rounds + next.rounds, spatialTime + next.spatialTime,
                    temporalTime + next.temporalTime);
        }
    }

    /** Seconds between laps. */
    private static final class Stopwatch {
        private long last = System.nanoTime();

        double lap() {
            long now = System.nanoTime();
            double s = (now - last) / 1e9;
            last = now;
            return s;
        }
    }
}
