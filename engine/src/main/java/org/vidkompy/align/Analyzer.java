package org.vidkompy.align;

import org.vidkompy.media.Timing;
import org.vidkompy.media.Placement;
import org.vidkompy.media.FrameRange;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Alignment;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.ContentBox;
import org.vidkompy.image.ContentBoxDetector;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.io.CropRect;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.spatial.SpatialAligner;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.spatial.SpatialOptions;
import org.vidkompy.temporal.DescriptorSequence;
import org.vidkompy.temporal.DescriptorSpec;
import org.vidkompy.temporal.TemporalAligner;
import org.vidkompy.temporal.TemporalAlignment;
import org.vidkompy.temporal.TemporalOptions;
import org.vidkompy.temporal.ThumbMask;

/**
 * The analysis: where the fg sits in the bg, then which bg frame lies under every fg frame.
 *
 * <p>Position and time depend on each other: when the camera moves, an fg frame compared with a bg
 * frame of another moment fits best somewhere else, and a misplaced footprint makes other moments
 * look right. Hence:
 * <ol>
 * <li>A few fg samples (cheap, near key frames) give the letterbox/pillarbox box.</li>
 * <li>Both clips are decoded once, in parallel. The fg becomes 32x32 descriptors of its content; the
 *     bg is kept as small whole-frame thumbnails, because its footprint is not known yet. Frames
 *     spread evenly over both are kept whole.</li>
 * <li>First placement: the kept fg frames against the kept bg frames. Both are dense in time, so the
 *     bg frames inside the fg's span have fg frames close to their moment.</li>
 * <li>bg descriptors are cut from the stored thumbnails at the footprint; temporal alignment.</li>
 * <li>Final placement at full resolution from frame pairs the temporal map says show the same moment
 *     (fetched individually, the cheapest to decode). If that moved the footprint, steps 4-5 repeat —
 *     from memory, without decoding again.</li>
 * </ol>
 * The same code serves files (FFmpeg) and the OpenFX host's clips: only the {@link ClipSource} differs.
 */
public final class Analyzer {

    /** fg and bg frames kept whole for the first placement (fewer for very large frames). */
    static final int CAPTURES = 24;
    /** Memory for the frames kept whole, both clips together. */
    static final long CAPTURE_BUDGET = 192L << 20;
    /** More unmatched fg frames than this share means the fg is not in the bg. */
    static final double MAX_UNMATCHED_SHARE = 0.8;
    /**
     * Below this mean frame confidence (informative frames only) the fg is not in the bg: true pairs
     * score above 0.9 in every accuracy case (0.95 with crf 35 and noise), unrelated footage about 0.05.
     */
    static final double MIN_TEMPORAL_CONFIDENCE = 0.25;
    /** fg samples for the letterbox box. */
    static final int BOX_SAMPLES = 6;
    /** Same-moment pairs the final placement uses. */
    static final int FINAL_PAIRS = 4;
    /** Spatial precision of the first placement. */
    static final int FIRST_PRECISION = 0;
    /** Longest side of the pictures for the first placement. */
    static final int WORK_SIZE = 640;
    /** Longest side of the stored bg thumbnails, and the memory they may take. */
    static final int STORE_SIZE = 384;
    static final long STORE_BUDGET = 192L << 20;
    /** A footprint smaller than this in the stored thumbnails is scanned from the video instead. */
    static final int STORE_MIN_FOOTPRINT = 24;
    /** A final placement that moves the footprint by more than this many thumbnail pixels is iterated. */
    static final double ITERATE_THUMB_PIXELS = 0.05;
    static final int MAX_ROUNDS = 4;
    /** Longest side of the fg thumbnails for the fine time refinement, and their memory budget. */
    static final int FINE_SIZE = 96;
    static final long FINE_BUDGET = 64L << 20;

    private final SpatialAligner spatial;
    private final TemporalAligner temporal;
    private final ContentBoxDetector boxes = new ContentBoxDetector();

    @Inject
    public Analyzer(SpatialAligner spatial, TemporalAligner temporal) {
        this.spatial = spatial;
        this.temporal = temporal;
    }

    /** Everything the analysis found, with how long each part took. */
    public record Result(Alignment alignment, ContentBox contentBox, SpatialAlignment spatial,
                         TemporalAlignment temporal, Timings timings, int rounds) {
    }

    /** Wall-clock seconds per stage. */
    public record Timings(double sampling, double scan, double spatial, double temporal) {
        public double total() {
            return sampling + scan + spatial + temporal;
        }
    }

    public Result analyze(ClipSource bg, ClipSource fg, AnalysisOptions options, AnalysisProgress progress) {
        Clip bi = bg.info();
        Clip fi = fg.info();
        SpatialOptions so = options.spatial();
        Stopwatch clock = new Stopwatch();

        Scans scans = scanBoth(bg, fg, options, progress);
        ContentBox box = scans.box();
        DescriptorSpec spec = scans.spec();
        double sampling = scans.samplingSeconds();
        double scanTime = clock.lap() - sampling;

        SpatialOptions placed = so.withContentBox(box);
        SpatialAlignment place = so.shift() != null
                ? new SpatialAlignment(so.shift().x(), so.shift().y(), 1.0, 1.0)
                : firstPlacement(scans, placed, bi, progress);
        double spatialTime = clock.lap();
        double temporalTime = 0;

        TemporalAlignment time = null;
        DescriptorSequence bgd = null;
        int rounds = 0;
        while (rounds < MAX_ROUNDS) {
            rounds++;
            progress.stage("temporal", 1);
            bgd = bgDescriptors(bg, scans, place, box, spec);
            time = alignTime(scans.fg().descriptors(), bgd, fi, bi, options);
            time = refineTime(time, scans, place, box, bi, fi, options.border());
            progress.advance(1);
            temporalTime += clock.lap();
            if (so.shift() != null) {
                break;
            }
            SpatialAlignment refined = finalPlacement(bg, fg, scans, time, placed, place, progress);
            spatialTime += clock.lap();
            double moved = footprintShift(place, refined, box);
            place = refined;
            if (moved <= ITERATE_THUMB_PIXELS) {
                break;
            }
        }

        rejectIfNotFound(place, time);
        Alignment alignment = new Alignment(
                new Clip(bi.name(), bi.width(), bi.height(), bi.fps(), bgd.size()),
                new Clip(fi.name(), fi.width(), fi.height(), fi.fps(), scans.fg().descriptors().size()),
                new Placement(place.x(), place.y(), place.scale(), place.confidence()),
                new Timing(time.confidence(), time.map(), time.frameConfidence(),
                        time.unmatched().stream().map(r -> new FrameRange(r.first(), r.last())).toList()));
        return new Result(alignment, box, place, time,
                new Timings(sampling, scanTime, spatialTime, temporalTime), rounds);
    }

    /**
     * A placement can score passably by chance when hundreds of sample pairs are tried, but an fg that
     * is not in the bg also matches no bg frame over time: when most fg frames find nothing, there is
     * no overlap, whatever the spatial score.
     */
    private static void rejectIfNotFound(SpatialAlignment place, TemporalAlignment time) {
        int n = time.map().length;
        int unmatched = time.unmatched().stream().mapToInt(r -> r.last() - r.first() + 1).sum();
        int uninformative = time.uninformative().stream().mapToInt(r -> r.last() - r.first() + 1).sum();
        int judged = Math.max(1, n - uninformative);
        boolean[] skip = new boolean[n];
        time.uninformative().forEach(r -> java.util.Arrays.fill(skip, r.first(), r.last() + 1, true));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += skip[i] ? 0 : time.frameConfidence()[i];
        }
        if (unmatched > MAX_UNMATCHED_SHARE * judged || sum / judged < MIN_TEMPORAL_CONFIDENCE) {
            throw new NoMatchException(place.confidence(), String.format(java.util.Locale.ROOT,
                    "%d of %d fg frames match no bg frame (temporal confidence %.2f)", unmatched, judged,
                    time.confidence()));
        }
    }

    // ---------------------------------------------------------------- scanning

    /** A clip's scan: fg descriptors or bg stored thumbnails, and the frames kept whole. */
    record Scan(DescriptorSequence descriptors, ThumbnailStore store, int[] indices, List<LumaImage> wholes) {
    }

    /** Size of the fg thumbnails for the fine time refinement: the content's aspect, within budget. */
    private static ClipSource.Thumb fineThumb(ContentBox box, long frames) {
        double f = Math.max(1.0, Math.max((double) Math.max(box.width(), box.height()) / FINE_SIZE,
                Math.sqrt((double) box.width() * box.height() * Math.max(1, frames) / FINE_BUDGET)));
        return new ClipSource.Thumb(new CropRect(box.x(), box.y(), box.width(), box.height()),
                Math.max(4, (int) Math.round(box.width() / f)), Math.max(4, (int) Math.round(box.height() / f)));
    }

    /** Both scans, with the fg's content box and descriptor spec found on the way. */
    record Scans(Scan bg, Scan fg, ContentBox box, DescriptorSpec spec, double samplingSeconds) {
    }

    /**
     * Scans both clips at once. The bg scan needs nothing from the fg, so it starts at once; the fg
     * thread first looks at a few samples for letterbox bars (its thumbnails are of the content).
     */
    private Scans scanBoth(ClipSource bg, ClipSource fg, AnalysisOptions options, AnalysisProgress progress) {
        Clip bi = bg.info();
        Clip fi = fg.info();
        long frameBytes = (long) bi.width() * bi.height() + (long) fi.width() * fi.height();
        int captures = (int) Math.max(6, Math.min(CAPTURES, CAPTURE_BUDGET / Math.max(1, frameBytes)));
        double f = Math.max(1.0, Math.max((double) Math.max(bi.width(), bi.height()) / STORE_SIZE,
                Math.sqrt((double) bi.width() * bi.height() * Math.max(1, bi.frames()) / STORE_BUDGET)));
        int sw = Math.max(1, (int) Math.round(bi.width() / f));
        int sh = Math.max(1, (int) Math.round(bi.height() / f));

        AtomicLong done = new AtomicLong();
        progress.stage("scanning", Math.max(1, bi.frames() + fi.frames()));
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vidkompy-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Scan> b = pool.submit(() -> scan(bg, List.of(new ClipSource.Thumb(null, sw, sh)), null,
                    new ThumbnailStore(sw, sh), captures, done, progress));
            ContentBox[] box = new ContentBox[1];
            DescriptorSpec[] spec = new DescriptorSpec[1];
            double[] sampling = new double[1];
            Future<Scan> s = pool.submit(() -> {
                long t0 = System.nanoTime();
                SpatialOptions so = options.spatial();
                box[0] = so.contentBox() != null ? so.contentBox() : boxes.detect(planes(fg.samples(BOX_SAMPLES), 1));
                spec[0] = descriptorSpec(options, box[0]);
                sampling[0] = (System.nanoTime() - t0) / 1e9;
                ClipSource.Thumb fine = fineThumb(box[0], fi.frames());
                ContentBox c = box[0];
                return scan(fg, List.of(new ClipSource.Thumb(new CropRect(c.x(), c.y(), c.width(), c.height()),
                                spec[0].thumbWidth(), spec[0].thumbHeight()), fine), DescriptorSequence.builder(spec[0]),
                        new ThumbnailStore(fine.width(), fine.height()), captures, done, progress);
            });
            Scan bgScan = b.get();
            Scan fgScan = s.get();
            return new Scans(bgScan, fgScan, box[0], spec[0], sampling[0]);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisCancelledException();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One pass over a clip. With a builder, thumbnail 0 becomes descriptors and thumbnail 1 (if any)
     * goes to the store; without, thumbnail 0 goes to the store.
     */
    private static Scan scan(ClipSource clip, List<ClipSource.Thumb> thumbs, DescriptorSequence.Builder builder,
                             ThumbnailStore store, int captures, AtomicLong done, AnalysisProgress progress) {
        long frames = Math.max(1, clip.info().frames());
        int n = (int) Math.min(captures, frames);
        int[] wanted = new int[n];
        for (int k = 0; k < n; k++) {
            wanted[k] = (int) Math.min(frames - 1, Math.round((k + 0.5) * frames / n));
        }
        List<Integer> got = new ArrayList<>();
        List<LumaImage> wholes = new ArrayList<>();
        int[] next = {0};
        clip.scan(thumbs, (index, ts, planes, whole) -> {
            if (builder != null) {
                builder.add(planes[0]);
                if (planes.length > 1) {
                    store.add(planes[1]);
                }
            } else {
                store.add(planes[0]);
            }
            if (next[0] < n && index >= wanted[next[0]]) {
                got.add(index);
                wholes.add(whole.grab());
                next[0]++;
            }
            long d = done.incrementAndGet();
            if ((d & 15) == 0) {
                synchronized (progress) {
                    progress.advance(d);
                    checkCancel(progress);
                }
            }
        });
        return new Scan(builder != null ? builder.build() : null, store,
                got.stream().mapToInt(Integer::intValue).toArray(), wholes);
    }

    /** The bg descriptors of the footprint: cut from the stored thumbnails, or scanned if too small there. */
    private static DescriptorSequence bgDescriptors(ClipSource bg, Scans scans, SpatialAlignment place, ContentBox box,
                                                    DescriptorSpec spec) {
        Clip bi = bg.info();
        ThumbnailStore store = scans.bg().store();
        double fx = (double) bi.width() / store.width();
        double fy = (double) bi.height() / store.height();
        double x0 = (place.x() + box.x() * place.scale()) / fx;
        double y0 = (place.y() + box.y() * place.scale()) / fy;
        double w = box.width() * place.scale() / fx;
        double h = box.height() * place.scale() / fy;
        DescriptorSequence.Builder builder = DescriptorSequence.builder(spec);
        if (w >= STORE_MIN_FOOTPRINT && h >= STORE_MIN_FOOTPRINT) {
            AreaSampler sampler = new AreaSampler(store.width(), store.height(), x0, y0, w, h, spec.thumbWidth(),
                    spec.thumbHeight());
            Plane thumb = Plane.allocate(spec.thumbWidth(), spec.thumbHeight());
            for (int i = 0; i < store.size(); i++) {
                sampler.apply(store.chunk(i), store.offset(i), thumb);
                builder.add(thumb);
            }
            return builder.build();
        }
        // A small fg in a large bg: the stored thumbnails are too coarse, decode the footprint itself.
        Footprint area = Footprint.of(place, box, bi.width(), bi.height());
        bg.scan(List.of(new ClipSource.Thumb(area.bg(), spec.thumbWidth(), spec.thumbHeight())),
                (index, ts, thumbs, whole) -> builder.add(thumbs[0]));
        return builder.build();
    }

    // ---------------------------------------------------------------- placement

    private SpatialAlignment firstPlacement(Scans scans, SpatialOptions so, Clip bi, AnalysisProgress progress) {
        progress.stage("placing", 1);
        double factor = Math.max(1.0, Math.max(bi.width(), bi.height()) / (double) WORK_SIZE);
        ContentBox box = so.contentBox();
        int x0 = (int) Math.ceil(box.x() / factor);
        int y0 = (int) Math.ceil(box.y() / factor);
        int x1 = (int) Math.floor((box.x() + box.width()) / factor);
        int y1 = (int) Math.floor((box.y() + box.height()) / factor);
        List<Plane> fgs = planes(scans.fg().wholes(), factor);
        List<Plane> bgs = planes(scans.bg().wholes(), factor);
        ContentBox small = x1 > x0 && y1 > y0 ? new ContentBox(x0, y0, x1 - x0, y1 - y0) : null;
        // Only needs to land within a pixel or two: the final placement refines it. The dense samples
        // are what matter here, so the search itself runs at the lightest precision.
        SpatialAlignment s = spatial.locate(fgs, bgs,
                so.withContentBox(small).withMaxSamples(CAPTURES).withPrecision(Math.min(so.precision(), FIRST_PRECISION)));
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
    private SpatialAlignment finalPlacement(ClipSource bg, ClipSource fg, Scans scans, TemporalAlignment time,
                                            SpatialOptions so, SpatialAlignment current, AnalysisProgress progress) {
        int[] map = time.map();
        float[] conf = time.frameConfidence();
        List<Pair> pairs = new ArrayList<>();
        int[] fgKept = scans.fg().indices();
        int[] bgKept = scans.bg().indices();
        for (int i : fgKept) {
            if (i < map.length && conf[i] > 0.5f) {
                pairs.add(new Pair(i, map[i], contains(bgKept, map[i]) ? 0 : bg.fetchCost(map[i])));
            }
        }
        for (int j : bgKept) {
            for (int i = 0; i < map.length; i++) {
                if (map[i] == j && conf[i] > 0.5f && !contains(fgKept, i)) {
                    pairs.add(new Pair(i, j, fg.fetchCost(i)));
                    break;
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::cost));
        if (pairs.isEmpty()) {
            return current;
        }
        progress.stage("refining", FINAL_PAIRS);
        List<Plane> fgs = new ArrayList<>();
        List<Plane> bgs = new ArrayList<>();
        for (Pair p : pairs.subList(0, Math.min(FINAL_PAIRS, pairs.size()))) {
            fgs.add(kept(scans.fg(), p.fg(), fg).toPlane());
            bgs.add(kept(scans.bg(), p.bg(), bg).toPlane());
            progress.advance(fgs.size());
        }
        return spatial.refine(fgs, bgs, current, so);
    }

    private static LumaImage kept(Scan scan, int index, ClipSource clip) {
        int[] idx = scan.indices();
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] == index) {
                return scan.wholes().get(k);
            }
        }
        return clip.frame(index);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Largest displacement of the footprint's corners, in thumbnail pixels. */
    private static double footprintShift(SpatialAlignment a, SpatialAlignment b, ContentBox box) {
        double ax0 = a.x() + box.x() * a.scale();
        double ay0 = a.y() + box.y() * a.scale();
        double bx0 = b.x() + box.x() * b.scale();
        double by0 = b.y() + box.y() * b.scale();
        double dx = Math.max(Math.abs(ax0 - bx0), Math.abs(ax0 + box.width() * a.scale() - bx0 - box.width() * b.scale()));
        double dy = Math.max(Math.abs(ay0 - by0),
                Math.abs(ay0 + box.height() * a.scale() - by0 - box.height() * b.scale()));
        return Math.max(dx / (box.width() * a.scale()) * DescriptorSpec.THUMB_WIDTH,
                dy / (box.height() * a.scale()) * DescriptorSpec.THUMB_HEIGHT);
    }

    // ---------------------------------------------------------------- time

    /** The temporal map with every frame re-chosen among its neighbours on larger thumbnails. */
    /** Border mode: only a band {@code border} fg pixels wide inside the edges, at the fine size. */
    private static boolean[] fineMask(int border, ContentBox box, ThumbnailStore fine) {
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

    private static TemporalAlignment refineTime(TemporalAlignment time, Scans scans, SpatialAlignment place,
                                                ContentBox box, Clip bi, Clip fi, int border) {
        ThumbnailStore fgFine = scans.fg().store();
        ThumbnailStore bgStore = scans.bg().store();
        double fx = (double) bi.width() / bgStore.width();
        double fy = (double) bi.height() / bgStore.height();
        AreaSampler cut = new AreaSampler(bgStore.width(), bgStore.height(),
                (place.x() + box.x() * place.scale()) / fx, (place.y() + box.y() * place.scale()) / fy,
                box.width() * place.scale() / fx, box.height() * place.scale() / fy, fgFine.width(), fgFine.height());
        int[] refined = new FineTimeRefiner(fgFine, bgStore, cut, fineMask(border, box, fgFine))
                .refine(time.map(), bi.fps() / fi.fps());
        return new TemporalAlignment(refined, time.frameConfidence(), time.confidence(), time.unmatched(),
                time.uninformative());
    }

    private static DescriptorSpec descriptorSpec(AnalysisOptions options, ContentBox box) {
        if (options.border() <= 0) {
            return DescriptorSpec.standard();
        }
        int w = DescriptorSpec.THUMB_WIDTH;
        int h = DescriptorSpec.THUMB_HEIGHT;
        // The band is given in fg pixels; the thumbnail squeezes the content to 32x32.
        double perPixel = Math.max((double) w / box.width(), (double) h / box.height());
        int band = (int) Math.max(1, Math.min(Math.min(w, h) / 2 - 1, Math.round(options.border() * perPixel)));
        return DescriptorSpec.withMask(ThumbMask.border(w, h, band));
    }

    private TemporalAlignment alignTime(DescriptorSequence fgd, DescriptorSequence bgd, Clip fi, Clip bi,
                                        AnalysisOptions options) {
        TemporalOptions to = TemporalOptions.of(fi.fps(), bi.fps());
        if (options.window() > 0) {
            to = to.withWindow(options.window());
        }
        return temporal.align(fgd, bgd, to);
    }

    private static List<Plane> planes(List<LumaImage> images, double factor) {
        List<Plane> out = new ArrayList<>(images.size());
        for (LumaImage i : images) {
            out.add(i.toPlane(factor));
        }
        return out;
    }

    private static void checkCancel(AnalysisProgress p) {
        if (p.cancelled()) {
            throw new AnalysisCancelledException();
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
