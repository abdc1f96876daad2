package org.vidkompy.align;

import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.image.PixelRect;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Clip;
import org.vidkompy.media.ClipSource;
import org.vidkompy.media.Timing;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.spatial.SpatialAligner;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.spatial.SpatialOptions;
import org.vidkompy.temporal.TemporalAligner;
import org.vidkompy.temporal.TemporalAlignment;

/**
 * {@code comp}'s way with a pair whose fg is the bg shifted by whole frames (a crop, an inset, a
 * regrade of the same recording, at one constant rate): a look at a few seconds from the middle of
 * the fg and the bg frames they can lie over finds the placement and the shift, the render starts at
 * once, and a {@link ShiftCheck} sees every frame pair the render decodes. Where the shift or the
 * placement does not hold, the check stops the render before anything is published and all frames
 * are analysed as usual. So both clips are decoded once for both jobs; an analysis first decodes
 * them twice.
 *
 * <p>The look is the analysis' steps on those seconds, cut short where the check covers them: one
 * first placement (a first placement in doubt ends the look), one time alignment, one final placement
 * on the pairs it gives at their own moments (the neighbouring moments a final placement otherwise
 * weighs are what the render's check of every frame weighs), and the time alignment again at it.
 * Only where the look is cheap: at most {@link #MAX_SHARE} of both clips' frames.
 */
public final class ShiftGuess {

    /** The fg's seconds that are looked at, and at least this many frames. */
    static final double SECONDS = 4;
    static final int MIN_FRAMES = 96;
    /** Key frames that must agree on a shift ({@link #keyShift}), and the share of the fg's they must be. */
    static final int KEY_VOTES = 3;
    static final double KEY_SHARE = 0.3;
    /** Shifts either side of the key frames' that the look weighs. */
    static final int KEY_MARGIN = 12;
    /** The most of both clips' frames the look may decode. */
    static final double MAX_SHARE = 0.4;

    private final ClipScanner scanner = new ClipScanner();
    private final SpatialAligner spatial;
    private final PlacementRounds placement;
    private final TimeMatcher timing;

    @Inject
    public ShiftGuess(SpatialAligner spatial, TemporalAligner temporal) {
        this.spatial = spatial;
        this.placement = new PlacementRounds(spatial);
        this.timing = new TimeMatcher(temporal);
    }

    /**
     * The shift and placement found on some seconds of the fg, with what the render's check needs.
     *
     * @param fgFrom   the first fg frame looked at
     * @param timings  the look's, as an analysis' (sampling: the fg's letterbox)
     * @param placing  what the check's placement refinement needs (the bg's grade, the look's options)
     */
    public record Guess(Alignment alignment, int shift, int fgFrom, int fgFramesLooked, int bgFramesLooked,
                        double seconds, Analyzer.Timings timings, PixelRect contentBox, ShiftCheck.Placing placing) {

        /** A new check of a render of {@link #alignment()}. */
        public ShiftCheck check() {
            return new ShiftCheck(alignment, contentBox, shift, placing);
        }
    }

    /** Empty where the pair is not one to guess for, or the seconds looked at are not a plain shift. */
    Optional<Guess> guess(ClipSource bg, ClipSource fg, AnalysisOptions options, AnalysisProgress progress) {
        Clip bi = bg.info();
        Clip fi = fg.info();
        if (!ReferenceFirst.applies(bi, fi, options) || !bg.evenlyTimed() || !fg.evenlyTimed()) {
            return none("not one constant rate");
        }
        long n = fi.frames();
        long b = bi.frames();
        int k = (int) Math.min(n, Math.max(MIN_FRAMES, Math.round(SECONDS * fi.fps())));
        if (b < n || k >= n) {
            return none("fg longer than the bg, or than the look");
        }
        // The bg frames the look's fg frames can lie over: all shifts from 0 to b - n, or where the key
        // frames agree on one, that one and a few either side.
        int[] bgKeys = keys(bg);
        Integer keys = keyShift(bgKeys, keys(fg), (int) (b - n));
        long bgLook = keys == null ? k + (b - n) : k + 2 * KEY_MARGIN;
        if (k + bgLook > MAX_SHARE * (b + n)) {
            return none("the look would decode " + (k + bgLook) + " of " + (b + n) + " frames");
        }
        long t0 = System.nanoTime();
        // The letterbox from samples of the whole fg, near its key frames, as the analysis finds it.
        SpatialOptions so = options.spatial();
        PixelRect box = scanner.contentBox(fg, options);
        AnalysisOptions boxed = new AnalysisOptions(so.withContentBox(box), options.window(), options.border());
        double sampling = (System.nanoTime() - t0) / 1e9;
        int from = start(bgKeys, (int) (n - k), keys == null ? 0 : keys - KEY_MARGIN);
        int bgFrom = keys == null ? from : (int) Math.max(0, from + keys - KEY_MARGIN);
        int bgTo = (int) Math.min(b, bgFrom + bgLook);
        ClipSource fgPart = fg.window(from, from + k);
        ClipSource bgPart = bg.window(bgFrom, bgTo);
        if (fgPart == null || bgPart == null) {
            return none("no windows");
        }
        try (fgPart; bgPart) {
            long t1 = System.nanoTime();
            Scans scans = scanner.scanBoth(bgPart, fgPart, boxed, progress);
            long t2 = System.nanoTime();
            double scan = (t2 - t1) / 1e9;
            Clip pbi = bgPart.info();
            Clip pfi = fgPart.info();
            SpatialOptions placed = so.withContentBox(scans.box());
            SpatialAlignment place = so.shift() != null
                    ? new SpatialAlignment(so.shift().x(), so.shift().y(), 1.0, 1.0)
                    : placement.first(scans, placed, pbi, progress);
            if (so.shift() == null && PlacementChoice.starts(place).size() > 1) {
                return none("first placement in doubt"); // the rounds on all frames settle it
            }
            Lap lap = new Lap(t2);
            lap.spatial();
            TimeMatcher.Match time = timing.match(bgPart, pfi, scans, place, options, null);
            Integer c = shiftOf(time.alignment(), bgFrom - from, bgTo - bgFrom, k, (int) (b - n));
            lap.temporal();
            if (c != null && so.shift() == null) {
                List<PlacementRounds.Pair> pairs = placement.pairs(bgPart, fgPart, scans, time.alignment(), place,
                        false);
                place = placement.asMapped(bgPart, fgPart, scans, pairs, time.tone(), placed, place, progress);
                lap.spatial();
                time = timing.match(bgPart, pfi, scans, place, options, time);
                lap.temporal();
                if (!c.equals(shiftOf(time.alignment(), bgFrom - from, bgTo - bgFrom, k, (int) (b - n)))) {
                    return none("the shift moved with the final placement");
                }
            }
            Analyzer.Timings timings = new Analyzer.Timings(sampling, scan, lap.spatial, lap.temporal);
            TemporalAlignment t = time.alignment();
            if (c == null || c < 0 || c + n > b || !inside(place, scans.box(), bi)) {
                return none("shift " + c + " (from fg " + from + ", bg " + bgFrom + ".." + bgTo + ", key shift " + keys
                        + "), placement " + place.placement());
            }
            NotFoundRule.check(place, t);
            int[] map = new int[(int) n];
            Arrays.setAll(map, i -> i + c);
            float[] conf = new float[(int) n];
            Arrays.fill(conf, (float) t.confidence());
            Alignment a = new Alignment(bi, fi, place.placement(), new Timing(t.confidence(), map, conf, List.of()));
            return Optional.of(new Guess(a, c, from, k, bgTo - bgFrom, (System.nanoTime() - t0) / 1e9, timings,
                    scans.box(), new ShiftCheck.Placing(spatial, time.tone(), placed)));
        } catch (NoMatchException e) {
            return none("not found"); // the analysis of all frames says so, with all it knows
        }
    }

    /**
     * The first fg frame looked at, at most {@code last}: about the middle of the fg (a clip's first
     * seconds are often its titles, a fade or a still), where the first bg frame looked at, {@code
     * offset} frames on, is a bg key frame: the bg's decode starts there without decoding frames before
     * it only to reach it.
     */
    private static int start(int[] bgKeys, int last, int offset) {
        int mid = last / 2;
        for (int d = 0; d <= last; d++) {
            for (int from : new int[] {mid - d, mid + d}) {
                if (from >= 0 && from <= last && Arrays.binarySearch(bgKeys, from + offset) >= 0) {
                    return from;
                }
            }
        }
        return mid;
    }

    private static final boolean DEBUG = Boolean.getBoolean("vidkompy.debug.shift");

    /** Empty, and why where the debug property asks. */
    private static Optional<Guess> none(String why) {
        if (DEBUG) {
            System.err.println("shift guess: none: " + why);
        }
        return Optional.empty();
    }

    /** Seconds spent placing and matching time, from one lap to the next. */
    private static final class Lap {
        private long last;
        double spatial;
        double temporal;

        Lap(long start) {
            last = start;
        }

        void spatial() {
            spatial += next();
        }

        void temporal() {
            temporal += next();
        }

        private double next() {
            long now = System.nanoTime();
            double s = (now - last) / 1e9;
            last = now;
            return s;
        }
    }

    /**
     * The shift (file bg frame minus file fg frame) of a look's map that is one, and not at an edge of
     * the shifts the bg frames looked at allow unless no shift beyond it is possible (the true one may
     * lie beyond); null where it is not.
     *
     * @param offset   the first bg frame looked at, less the first fg frame looked at
     * @param bgLooked how many bg frames were looked at
     * @param fgLooked how many fg frames were
     * @param most     the largest shift possible: the bg's frames less the fg's
     */
    private static Integer shiftOf(TemporalAlignment t, int offset, int bgLooked, int fgLooked, int most) {
        int[] m = t.map();
        if (m.length == 0 || !t.unmatched().isEmpty()) {
            return null;
        }
        int c = m[0];
        for (int i = 1; i < m.length; i++) {
            if (m[i] != i + c) {
                return null;
            }
        }
        boolean low = c <= 0 && offset > 0;
        boolean high = c >= bgLooked - fgLooked && offset + bgLooked - fgLooked < most;
        return low || high ? null : offset + c;
    }

    /**
     * The shift most of the fg's key frames (past its first) lie at from one of the bg's, where clearly
     * most do; null where not. Encoders put key frames at scene cuts, so two encodes of one recording
     * share them: the benchmark's crop has six of its nine at bg key frames 72 later, and no other
     * shift twice. Read from the packets, without decoding.
     */
    static Integer keyShift(int[] bk, int[] fk, int maxShift) {
        if (bk.length == 0 || fk.length < KEY_VOTES + 1) {
            return null;
        }
        java.util.Map<Integer, Integer> votes = new java.util.HashMap<>();
        for (int f : fk) {
            if (f == 0) {
                continue; // every clip starts with one
            }
            for (int b : bk) {
                if (b - f >= 0 && b - f <= maxShift) {
                    votes.merge(b - f, 1, Integer::sum);
                }
            }
        }
        int best = -1;
        int most = 0;
        int second = 0;
        for (var e : votes.entrySet()) {
            if (e.getValue() > most) {
                second = most;
                most = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        boolean clear = most >= KEY_VOTES && most >= KEY_SHARE * (fk.length - 1) && most >= 2 * second + 1;
        return clear ? best : null;
    }

    /** The clip's key frames, rising, told by what a single frame costs to fetch (1: itself). */
    private static int[] keys(ClipSource clip) {
        int frames = (int) clip.info().frames();
        ClipSource whole = clip.window(0, frames);
        if (whole == null) {
            return new int[0];
        }
        try (whole) {
            return java.util.stream.IntStream.range(0, frames).filter(i -> whole.fetchCost(i) == 1).toArray();
        }
    }

    /** Whether the fg's content lies wholly on the bg: the check compares it with what lies under it. */
    private static boolean inside(SpatialAlignment p, PixelRect box, Clip bi) {
        double left = p.x() + box.x() * p.scale();
        double top = p.y() + box.y() * p.scale();
        return left >= 0 && top >= 0 && left + box.width() * p.scale() <= bi.width()
                && top + box.height() * p.scale() <= bi.height();
    }
}
