package org.vidkompy.align;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.vidkompy.align.ClipScanner.FgSide;
import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.Plane;
import org.vidkompy.media.Clip;
import org.vidkompy.media.ClipSource;
import org.vidkompy.media.ClipSource.KeyFrames;
import org.vidkompy.media.Footprint;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.spatial.SpatialAligner;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.spatial.SpatialOptions;
import org.vidkompy.temporal.DescriptorSequence;
import org.vidkompy.temporal.DescriptorSpec;

/**
 * A long bg with a short fg: which part of the bg the fg can lie in, found by a cheap look before the
 * bg is decoded, so that only that part is. While the fg is scanned as usual, only the bg's key frames
 * are decoded, to small whole pictures (the other packets are read, not decoded, which also numbers
 * every frame). The fg's kept frames are placed in them ({@link SpatialAligner#locateInside}, as the first
 * placement does, the key frames in place of dense bg frames), descriptors are cut from them at that
 * footprint, and every key frame is compared with every fg frame: the key frames that show an fg
 * moment, each with the fg frame it shows, bound where the fg's span can lie for any speed between
 * {@link #MIN_SPEED} and {@link #MAX_SPEED}. The analysis then runs on that window alone.
 *
 * <p>Whenever the look is not sure (no placement, no key frame that clearly matches, matches spread
 * over much of the bg as with repeating content, a window not much shorter than the bg) there is no
 * window and the whole bg is scanned, as without this step.
 */
final class BgWindow {

    /** The bg must be this many times as long as the fg, and at least {@link #MIN_BG_SECONDS}. */
    static final double MIN_RATIO = 3;
    static final double MIN_BG_SECONDS = 60;
    /** Longest side of the key-frame pictures, at least. */
    static final int KEY_SIZE = 320;
    /**
     * Memory the key-frame pictures may take at most, for as many key frames as the look takes
     * ({@link #MAX_KEYS}): what 600 of them took at {@link #KEY_SIZE}. A small fg gets larger pictures
     * within it, so that its footprint in them is at least {@link TimeMatcher#STORE_MIN_FOOTPRINT} on
     * each side, or no look: a 64x36 crop of a 1080p bg covered 11x6 pixels of 320x180 pictures, the
     * look placed it in another scene and its window cost 75 s before the whole bg was analysed anyway.
     */
    static final long KEY_BUDGET = 36L << 20;
    /** Key frames at most, and at most one in this many frames (beyond, the look is not cheap). */
    static final int MAX_KEYS = 600;
    static final int MIN_FRAMES_PER_KEY = 12;
    /** bg key frames the placement looks at, spread evenly over them. */
    static final int PLACE_SAMPLES = 64;
    /** fg frames (of those its scan kept whole) the placement looks at: the fg is short, they are dense. */
    static final int FG_SAMPLES = 24;
    /** The look's placement must score at least this (refined ZNCC). */
    static final double MIN_PLACE_CONFIDENCE = 0.6;
    /** A key frame whose descriptor correlates at least this well with an fg frame's shows that moment. */
    static final double MATCH = 0.9;
    /**
     * Key frames that match within this of the best-matching one count too: a moment of the fg's span
     * shown by a key frame between two fg frames matches a little less than one an fg frame shows.
     */
    static final double MATCH_SLACK = 0.03;
    /**
     * The map may come no closer than this to an end of the window (other than the bg's own): the
     * window reaches {@link #MARGIN_SECONDS} beyond where the look put the fg.
     */
    static final double EDGE_SECONDS = 1;
    /** No key frame outside the window may match within this of the best one inside ({@link #confirms}). */
    static final double CONFIRM_GAP = 0.01;
    /** The fg's speed against the bg may lie anywhere in this range. */
    static final double MIN_SPEED = 0.5;
    static final double MAX_SPEED = 2;
    /** Seconds added on each side of the window. */
    static final double MARGIN_SECONDS = 5;
    /** A window longer than this share of the bg saves too little: the whole bg is scanned. */
    static final double MAX_SHARE = 0.5;

    /** What the look found: the fg's scan (always), and the window {@code from .. to - 1} or none. */
    record Look(FgSide fg, KeyFrames keys, int from, int to, int keyFrames, double seconds) {
        boolean found() {
            return to > from;
        }
    }

    private static final boolean DEBUG = Boolean.getBoolean("vidkompy.debug.look");
    private final ClipScanner scanner;
    private final SpatialAligner spatial;

    BgWindow(ClipScanner scanner, SpatialAligner spatial) {
        this.scanner = scanner;
        this.spatial = spatial;
    }

    /** Whether the bg is long enough against the fg for the look to pay. */
    static boolean applies(Clip bg, Clip fg, AnalysisOptions options) {
        if (options.spatial().shift() != null || bg.fps() <= 0 || fg.fps() <= 0) {
            return false;
        }
        double b = bg.frames() / bg.fps();
        double f = fg.frames() / fg.fps();
        return b >= MIN_BG_SECONDS && b >= MIN_RATIO * f;
    }

    /** Scans the fg and looks at the bg's key frames, both at once. */
    Look look(ClipSource bg, ClipSource fg, AnalysisOptions options, AnalysisProgress progress) {
        long t0 = System.nanoTime();
        Clip bi = bg.info();
        ScanPlan plan = ScanPlan.of(bi, fg.info());
        AtomicLong done = new AtomicLong();
        progress.stage("scanning", Math.max(1, fg.info().frames()));
        // The key frames' look, the fg's scan and the workers of its parts.
        ExecutorService pool = PartScan.pool(2 + PartScan.WORKERS, "vidkompy-look");
        FgSide fgSide;
        KeyFrames keys;
        try {
            int maxKeys = (int) Math.min(MAX_KEYS, Math.max(8, bi.frames() / MIN_FRAMES_PER_KEY));
            int size = keySize(bi, fg.info(), maxKeys);
            Future<KeyFrames> k = size > 0 ? pool.submit(() -> bg.keyFrames(size, maxKeys))
                    : java.util.concurrent.CompletableFuture.completedFuture(null);
            Future<FgSide> f = pool.submit(() -> scanner.scanFgSide(fg, plan, options, new PartScan(pool), done, progress));
            keys = TaskFailures.await(k);
            fgSide = TaskFailures.await(f);
        } finally {
            pool.shutdownNow();
        }
        long t1 = System.nanoTime();
        int[] window = keys == null ? null : window(keys, fgSide, options, bi);
        if (DEBUG) {
            System.err.printf("look: key frames and fg scan %.2f s, placement and matching %.2f s, window %s%n",
                    (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, java.util.Arrays.toString(window));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = keys == null ? 0 : keys.indices().length;
        return window == null ? new Look(fgSide, keys, 0, 0, n, seconds)
                : new Look(fgSide, keys, window[0], window[1], n, seconds);
    }

    /**
     * Longest side of the key-frame pictures: {@link #KEY_SIZE}, or larger where the fg at its own size
     * would cover fewer than {@link TimeMatcher#STORE_MIN_FOOTPRINT} pixels of them on a side; 0 (no look)
     * where that would take more than {@link #KEY_BUDGET} for {@code maxKeys} pictures.
     */
    static int keySize(Clip bg, Clip fg, int maxKeys) {
        int longest = Math.max(bg.width(), bg.height());
        double need = (double) TimeMatcher.STORE_MIN_FOOTPRINT * longest / Math.max(1, Math.min(fg.width(), fg.height()));
        int size = (int) Math.min(longest, Math.max(KEY_SIZE, Math.ceil(need)));
        double shrink = (double) size / longest;
        double pixels = (double) bg.width() * bg.height() * shrink * shrink;
        return need > longest || pixels * maxKeys > KEY_BUDGET ? 0 : size;
    }

    /** The window {@code {from, to}} in bg frames, or null. */
    private int[] window(KeyFrames keys, FgSide fgSide, AnalysisOptions options, Clip bi) {
        Footprint area = place(keys, fgSide, options, bi);
        // A footprint too small for descriptors (an fg scaled down, or letterboxed) places nothing surely.
        if (area == null || Math.min(area.width(), area.height()) < TimeMatcher.STORE_MIN_FOOTPRINT) {
            return null;
        }
        return window(keys, fgSide, area, bi);
    }

    /**
     * The look again, at the placement an analysis found (where the look's own placement was a few
     * pixels off, it can pick a window that misses part of the fg): the same look with another window,
     * or null where that finds no other.
     */
    static Look again(Look look, SpatialAlignment place, PixelRect box, Clip bi) {
        Footprint area = inPictures(look.keys(), place, box, bi);
        int[] w = area == null ? null : window(look.keys(), look.fg(), area, bi);
        if (w == null || (w[0] == look.from() && w[1] == look.to())) {
            return null;
        }
        return new Look(look.fg(), look.keys(), w[0], w[1], look.keyFrames(), look.seconds());
    }

    private static int[] window(KeyFrames keys, FgSide fgSide, Footprint area, Clip bi) {
        Matches m = matches(keys, fgSide, area);
        float top = m.top();
        double[] fgTimes = fgSide.scan().times();
        int nf = fgTimes.length;
        double fgLength = nf < 2 ? 0 : fgTimes[nf - 1] - fgTimes[0] + (fgTimes[nf - 1] - fgTimes[0]) / (nf - 1);
        // Slowly changing footage matches other moments nearly as well: the key frames close to the best
        // match all widen the window; where that makes it too long, the best one alone places it (the
        // analysis of the window is then checked against the key frames, see confirms).
        if (m.topKey() < 0 || top < MATCH) {
            return null;
        }
        double[] span = span(keys, fgTimes, fgLength, m, Math.max(MATCH, top - MATCH_SLACK));
        if (span[1] - span[0] > MAX_SHARE * keys.duration()) {
            span = span(keys, fgTimes, fgLength, m, top);
        }
        double lo = span[0];
        double hi = span[1];
        if (hi - lo > MAX_SHARE * keys.duration()) {
            return null;
        }
        // Decoding starts at a key frame anyway: the window starts at the one before its first moment.
        int from = 0;
        for (int k = 0; k < keys.indices().length && keys.times()[k] <= lo; k++) {
            from = keys.indices()[k];
        }
        int to = (int) Math.min(keys.frames(), Math.ceil(hi * bi.fps()) + 1);
        return to > from ? new int[] {from, to} : null;
    }

    /**
     * The bg times {@code {lo, hi}} the fg can span for any speed in range, given that every key frame
     * matching at least {@code threshold} shows the moment of the fg frame it matches best, with
     * {@link #MARGIN_SECONDS} either side.
     */
    private static double[] span(KeyFrames keys, double[] fgTimes, double fgLength, Matches m, double threshold) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m.best().length; k++) {
            if (m.best()[k] >= threshold) {
                double t = keys.times()[k];
                double f = fgTimes[m.at()[k]] - fgTimes[0];
                lo = Math.min(lo, t - MAX_SPEED * f);
                hi = Math.max(hi, t + MAX_SPEED * (fgLength - f));
            }
        }
        return new double[] {Math.max(0, lo - MARGIN_SECONDS), Math.min(keys.duration(), hi + MARGIN_SECONDS)};
    }

    /** Per key frame the best correlation with any fg frame and that fg frame; the best of all. */
    private record Matches(float[] best, int[] at, float top, int topKey) {
    }

    private static Matches matches(KeyFrames keys, FgSide fgSide, Footprint area) {
        DescriptorSequence fgd = fgSide.scan().descriptors();
        DescriptorSequence kd = describe(keys, area, fgSide.spec());
        float[] best = new float[kd.size()];
        int[] at = new int[kd.size()];
        float top = -1;
        int topKey = -1;
        for (int k = 0; k < kd.size(); k++) {
            best[k] = -1;
            if (kd.isUninformative(k)) {
                continue;
            }
            for (int i = 0; i < fgd.size(); i++) {
                if (fgd.isUninformative(i)) {
                    continue;
                }
                float c = fgd.correlation(i, kd, k);
                if (c > best[k]) {
                    best[k] = c;
                    at[k] = i;
                }
            }
            if (best[k] > top) {
                top = best[k];
                topKey = k;
            }
            if (DEBUG) {
                System.err.printf("look: key %d t=%.2f best %.3f at fg %d%n", k, keys.times()[k], best[k], at[k]);
            }
        }
        return new Matches(best, at, top, topKey);
    }

    /**
     * Whether the analysis of the window agrees with the key frames: at its placement, the key frame
     * that matches an fg frame best must lie in the window, the map must put that fg frame on it (within
     * a frame or two), and no key frame outside the window may match nearly as well. A look misled by
     * slowly changing footage (a placement a few pixels off, fitting another moment) picks a window
     * that holds a passable wrong answer; that answer then fails this test, and the whole bg decides.
     */
    static boolean confirms(Look look, SpatialAlignment place, PixelRect box, int[] mapInWhole, Clip bi, Clip fi) {
        KeyFrames keys = look.keys();
        Footprint area = inPictures(keys, place, box, bi);
        if (area == null) {
            return false;
        }
        Matches m = matches(keys, look.fg(), area);
        if (m.topKey() < 0 || m.top() < MATCH) {
            return false;
        }
        int key = keys.indices()[m.topKey()];
        int fgFrame = m.at()[m.topKey()];
        double tolerance = Math.max(2, Math.ceil(2 * bi.fps() / Math.max(1e-9, fi.fps())));
        if (key < look.from() || key >= look.to() || Math.abs(mapInWhole[fgFrame] - key) > tolerance) {
            if (DEBUG) {
                System.err.printf("look: not confirmed: key %d (fg %d mapped to %d)%n", key, fgFrame, mapInWhole[fgFrame]);
            }
            return false;
        }
        // The map touching an end of the window that is not the bg's: the fg may reach beyond it.
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int b : mapInWhole) {
            lo = Math.min(lo, b);
            hi = Math.max(hi, b);
        }
        double edge = EDGE_SECONDS * bi.fps();
        if ((look.from() > 0 && lo < look.from() + edge) || (look.to() < bi.frames() && hi >= look.to() - edge)) {
            if (DEBUG) {
                System.err.printf("look: not confirmed: map %d..%d at the window's edge%n", lo, hi);
            }
            return false;
        }
        for (int k = 0; k < m.best().length; k++) {
            int i = keys.indices()[k];
            if ((i < look.from() || i >= look.to()) && m.best()[k] > m.top() - CONFIRM_GAP) {
                if (DEBUG) {
                    System.err.printf("look: not confirmed: key %d outside matches %.3f%n", i, m.best()[k]);
                }
                return false;
            }
        }
        return true;
    }

    /** A placement in bg pixels as a footprint in the key-frame pictures', or null where not inside them. */
    private static Footprint inPictures(KeyFrames keys, SpatialAlignment s, PixelRect box, Clip bi) {
        LumaImage first = keys.pictures().get(0);
        double fx = (double) bi.width() / first.width();
        double fy = (double) bi.height() / first.height();
        Footprint area = Footprint.of(s.x(), s.y(), s.scale(), box).shrunk(fx, fy);
        double tol = 1;
        if (area.x() < -tol || area.y() < -tol || area.right() > first.width() + tol
                || area.bottom() > first.height() + tol || area.width() < 4 || area.height() < 4) {
            return null; // an fg reaching past the bg: not for the look
        }
        return area.clippedTo(first.width(), first.height());
    }

    /** The fg's footprint in the key-frame pictures' pixels, or null where the look finds none inside. */
    private Footprint place(KeyFrames keys, FgSide fgSide, AnalysisOptions options, Clip bi) {
        ClipScanner.Kept kept = fgSide.scan().kept();
        double factor = keys.factor();
        PixelRect box = fgSide.box();
        PixelRect small = box.shrunk(factor);
        if (small == null) {
            return null;
        }
        List<Plane> fgs = new ArrayList<>();
        int nf = kept.wholes().size();
        int mf = Math.min(FG_SAMPLES, nf);
        for (int j = 0; j < mf; j++) {
            fgs.add(kept.wholes().get((int) ((j + 0.5) * nf / mf)).toPlane(factor / kept.factor()));
        }
        List<Plane> bgs = new ArrayList<>();
        int n = keys.pictures().size();
        int m = Math.min(PLACE_SAMPLES, n);
        for (int k = 0; k < m; k++) {
            bgs.add(keys.pictures().get((int) ((k + 0.5) * n / m)).toPlane());
        }
        SpatialOptions so = options.spatial().withContentBox(small)
                .withMaxSamples(Math.max(mf, m))
                .withPrecision(Math.min(options.spatial().precision(), PlacementRounds.FIRST_PRECISION));
        SpatialAlignment s;
        try {
            s = spatial.locateInside(fgs, bgs, so);
        } catch (NoMatchException e) {
            return null;
        }
        if (DEBUG) {
            System.err.println("look: placement " + s + " factor " + factor);
        }
        if (!(s.confidence() >= MIN_PLACE_CONFIDENCE)) {
            return null;
        }
        return inPictures(keys, new SpatialAlignment(s.x() * factor, s.y() * factor, s.scale(), s.confidence()), box,
                bi);
    }

    /** A descriptor per key frame, of its pixels under the footprint. */
    private static DescriptorSequence describe(KeyFrames keys, Footprint area, DescriptorSpec spec) {
        LumaImage first = keys.pictures().get(0);
        AreaSampler sampler = new AreaSampler(first.width(), first.height(), area.x(), area.y(), area.width(),
                area.height(), spec.thumbWidth(), spec.thumbHeight());
        DescriptorSequence.Builder builder = DescriptorSequence.builder(spec);
        Plane thumb = Plane.allocate(spec.thumbWidth(), spec.thumbHeight());
        for (LumaImage p : keys.pictures()) {
            sampler.apply(p.pixels(), 0, thumb);
            builder.add(thumb);
        }
        return builder.build();
    }
}
