package org.vidkompy.align;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Position and time depend on each other: when the camera moves, an fg frame matched against a
 * bg frame of another moment fits best somewhere else, and a misplaced footprint makes other moments
 * look right. So the analysis goes round once:
 * <ol>
 * <li>A few full-resolution fg samples (cheap, near key frames) give the letterbox/pillarbox box.</li>
 * <li>The fg is decoded once into 32x32 content thumbnails → descriptors; meanwhile {@value #CAPTURES}
 *     evenly spread fg frames are kept whole.</li>
 * <li>First placement: those dense fg frames against bg samples spread over the bg (at a working
 *     resolution of at most {@value #WORK_SIZE} px), so every bg sample inside the fg's time span has
 *     an fg frame close to its moment.</li>
 * <li>The bg is decoded once into thumbnails of the footprint → descriptors; for each kept fg frame the
 *     best-matching bg frame seen so far is kept whole.</li>
 * <li>Temporal alignment of the two descriptor sequences.</li>
 * <li>Final placement at full resolution from pairs the temporal map confirms as the same moment.
 *     Only if that moved the footprint noticeably is the bg scanned again (and the time re-aligned).</li>
 * </ol>
 * The same code serves files (FFmpeg) and the OpenFX host's clips: only the {@link ClipSource} differs.
 */
public final class Analyzer {

    /** fg frames kept whole for the placements. */
    static final int CAPTURES = 24;
    /** bg samples for the first placement. */
    static final int BG_SAMPLES = 12;
    /** fg samples for the letterbox box. */
    static final int BOX_SAMPLES = 6;
    /** Pairs confirmed by the temporal map that the final placement uses at most. */
    static final int FINAL_PAIRS = 4;
    /** Longest side of the pictures for the first placement. */
    static final int WORK_SIZE = 960;
    /** A final placement that moves the footprint by more than this many thumbnail pixels rescans the bg. */
    static final double RESCAN_THUMB_PIXELS = 0.25;

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
                         TemporalAlignment temporal, Timings timings, int bgScans) {
    }

    /** Wall-clock seconds per stage. */
    public record Timings(double sampling, double fgScan, double spatial, double bgScan, double temporal) {
        public double total() {
            return sampling + fgScan + spatial + bgScan + temporal;
        }
    }

    public Result analyze(ClipSource bg, ClipSource fg, AnalysisOptions options, AnalysisProgress progress) {
        ClipInfo bi = bg.info();
        ClipInfo fi = fg.info();
        SpatialOptions so = options.spatial();
        Stopwatch clock = new Stopwatch();

        progress.stage("sampling", 2);
        List<LumaImage> fgKeys = so.contentBox() == null ? fg.samples(BOX_SAMPLES) : List.of();
        progress.advance(1);
        List<LumaImage> bgKeys = so.shift() == null ? bg.samples(BG_SAMPLES) : List.of();
        progress.advance(2);
        checkCancel(progress);
        ContentBox box = so.contentBox() != null ? so.contentBox() : boxes.detect(planes(fgKeys, 1));
        double sampling = clock.lap();

        DescriptorSpec spec = descriptorSpec(options, box);
        FgScan fgScan = scanFg(fg, box, spec, progress);
        double fgTime = clock.lap();

        SpatialOptions placed = so.withContentBox(box);
        SpatialAlignment place = so.shift() != null
                ? new SpatialAlignment(so.shift().x(), so.shift().y(), 1.0, 1.0)
                : firstPlacement(fgScan.wholes(), bgKeys, placed, bi, progress);
        double spatialTime = clock.lap();

        int scans = 0;
        BgScan bgScan;
        TemporalAlignment time;
        double bgTime = 0;
        double temporalTime = 0;
        while (true) {
            Footprint area = Footprint.of(place, box, bi.width(), bi.height());
            bgScan = scanBg(bg, area.bg(), spec, fgScan, progress);
            scans++;
            bgTime += clock.lap();
            time = alignTime(fgScan.descriptors(), bgScan.descriptors(), fi, bi, options, progress);
            temporalTime += clock.lap();
            if (so.shift() != null) {
                break;
            }
            SpatialAlignment refined = finalPlacement(fgScan, bgScan, time, placed, place);
            spatialTime += clock.lap();
            boolean moved = footprintShift(place, refined, box) > RESCAN_THUMB_PIXELS;
            place = refined;
            if (!moved || scans >= 2) {
                break;
            }
        }

        Alignment alignment = new Alignment(
                new Alignment.Clip(bi.name(), bi.width(), bi.height(), bi.fps(), bgScan.descriptors().size()),
                new Alignment.Clip(fi.name(), fi.width(), fi.height(), fi.fps(), fgScan.descriptors().size()),
                new Alignment.Placement(place.x(), place.y(), place.scale(), place.confidence()),
                new Alignment.Timing(time.confidence(), time.map(), time.frameConfidence(),
                        time.unmatched().stream().map(r -> new Alignment.FrameRange(r.first(), r.last())).toList()));
        return new Result(alignment, box, place, time,
                new Timings(sampling, fgTime, spatialTime, bgTime, temporalTime), scans);
    }

    private SpatialAlignment firstPlacement(List<LumaImage> fgWholes, List<LumaImage> bgKeys, SpatialOptions so,
                                            ClipInfo bi, AnalysisProgress progress) {
        progress.stage("placing", 1);
        double factor = Math.max(1.0, Math.max(bi.width(), bi.height()) / (double) WORK_SIZE);
        ContentBox box = so.contentBox();
        ContentBox small = new ContentBox((int) Math.ceil(box.x() / factor), (int) Math.ceil(box.y() / factor),
                Math.max(1, (int) Math.floor((box.x() + box.width()) / factor) - (int) Math.ceil(box.x() / factor)),
                Math.max(1, (int) Math.floor((box.y() + box.height()) / factor) - (int) Math.ceil(box.y() / factor)));
        List<Plane> fgs = planes(fgWholes, factor);
        List<Plane> bgs = planes(bgKeys, factor);
        SpatialAlignment s = spatial.locate(fgs, bgs,
                so.withContentBox(fits(small, fgs.get(0)) ? small : null).withMaxSamples(CAPTURES));
        progress.advance(1);
        return new SpatialAlignment(s.x() * factor, s.y() * factor, s.scale(), s.confidence(), s.consensus());
    }

    private static boolean fits(ContentBox b, Plane p) {
        return b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= p.width() && b.y() + b.height() <= p.height();
    }

    /**
     * The placement from fg frames and the bg frames the temporal map puts under them (same moment,
     * so camera motion cannot bias it), at full resolution. Falls back to the first placement when
     * no kept pair is confirmed.
     */
    private SpatialAlignment finalPlacement(FgScan fgScan, BgScan bgScan, TemporalAlignment time, SpatialOptions so,
                                            SpatialAlignment first) {
        List<Integer> confirmed = new ArrayList<>();
        for (int k = 0; k < fgScan.indices().length; k++) {
            int i = fgScan.indices()[k];
            LumaImage b = bgScan.matches()[k];
            if (b != null && i < time.map().length && bgScan.matchIndices()[k] == time.map()[i]
                    && time.frameConfidence()[i] > 0.5f) {
                confirmed.add(k);
            }
        }
        if (confirmed.isEmpty()) {
            return first;
        }
        List<Plane> fgs = new ArrayList<>();
        List<Plane> bgs = new ArrayList<>();
        for (int n = 0; n < Math.min(FINAL_PAIRS, confirmed.size()); n++) {
            // Spread over the confirmed pairs rather than the first few.
            int k = confirmed.get((int) ((n + 0.5) * confirmed.size() / Math.min(FINAL_PAIRS, confirmed.size())));
            fgs.add(fgScan.wholes().get(k).toPlane());
            bgs.add(bgScan.matches()[k].toPlane());
        }
        try {
            return spatial.locate(fgs, bgs, so.withMaxSamples(FINAL_PAIRS));
        } catch (NoMatchException e) {
            return first;
        }
    }

    /** Largest displacement of the footprint's corners, in thumbnail pixels. */
    private static double footprintShift(SpatialAlignment a, SpatialAlignment b, ContentBox box) {
        double w = box.width();
        double h = box.height();
        double dx0 = Math.abs((a.x() + box.x() * a.scale()) - (b.x() + box.x() * b.scale()));
        double dy0 = Math.abs((a.y() + box.y() * a.scale()) - (b.y() + box.y() * b.scale()));
        double dx1 = Math.abs(dx0 + w * (b.scale() - a.scale()));
        double dy1 = Math.abs(dy0 + h * (b.scale() - a.scale()));
        double px = Math.max(Math.max(dx0, dx1) / (w * a.scale()) * DescriptorSpec.THUMB_WIDTH,
                Math.max(dy0, dy1) / (h * a.scale()) * DescriptorSpec.THUMB_HEIGHT);
        return px;
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

    /** The fg's descriptors and the frames kept whole. */
    record FgScan(DescriptorSequence descriptors, int[] indices, List<LumaImage> wholes) {
    }

    private static FgScan scanFg(ClipSource fg, ContentBox box, DescriptorSpec spec, AnalysisProgress progress) {
        long frames = Math.max(1, fg.info().frames());
        int n = (int) Math.min(CAPTURES, frames);
        int[] wanted = new int[n];
        for (int k = 0; k < n; k++) {
            wanted[k] = (int) Math.min(frames - 1, Math.round((k + 0.5) * frames / n));
        }
        List<Integer> got = new ArrayList<>();
        List<LumaImage> wholes = new ArrayList<>();
        DescriptorSequence.Builder builder = DescriptorSequence.builder(spec);
        progress.stage("fg scan", frames);
        int[] next = {0};
        fg.scan(new CropRect(box.x(), box.y(), box.width(), box.height()), List.of(thumbSize(spec)),
                (index, ts, thumbs, whole) -> {
                    builder.add(thumbs[0]);
                    if (next[0] < n && index >= wanted[next[0]]) {
                        got.add(index);
                        wholes.add(whole.grab());
                        next[0]++;
                    }
                    tick(progress, index);
                });
        return new FgScan(builder.build(), got.stream().mapToInt(Integer::intValue).toArray(), wholes);
    }

    /** The bg's descriptors, and for each kept fg frame the best-matching bg frame, whole. */
    record BgScan(DescriptorSequence descriptors, LumaImage[] matches, int[] matchIndices) {
    }

    private static BgScan scanBg(ClipSource bg, CropRect region, DescriptorSpec spec, FgScan fgScan,
                                 AnalysisProgress progress) {
        int k = fgScan.indices().length;
        LumaImage[] matches = new LumaImage[k];
        int[] matchIndex = new int[k];
        float[] best = new float[k];
        java.util.Arrays.fill(best, 0.5f);
        DescriptorSequence fgd = fgScan.descriptors();
        DescriptorSequence.Builder builder = DescriptorSequence.builder(spec);
        progress.stage("bg scan", Math.max(1, bg.info().frames()));
        bg.scan(region, List.of(thumbSize(spec)), (index, ts, thumbs, whole) -> {
            builder.add(thumbs[0]);
            LumaImage grabbed = null;
            for (int j = 0; j < k; j++) {
                float c = builder.correlateLast(fgd, fgScan.indices()[j]);
                if (c > best[j]) {
                    best[j] = c;
                    if (grabbed == null) {
                        grabbed = whole.grab();
                    }
                    matches[j] = grabbed;
                    matchIndex[j] = index;
                }
            }
            tick(progress, index);
        });
        return new BgScan(builder.build(), matches, matchIndex);
    }

    private TemporalAlignment alignTime(DescriptorSequence fgd, DescriptorSequence bgd, ClipInfo fi, ClipInfo bi,
                                        AnalysisOptions options, AnalysisProgress progress) {
        progress.stage("temporal", 1);
        TemporalOptions to = TemporalOptions.of(fi.fps(), bi.fps());
        if (options.window() > 0) {
            to = to.withWindow(options.window());
        }
        TemporalAlignment t = temporal.align(fgd, bgd, to);
        progress.advance(1);
        return t;
    }

    private static ClipSource.ThumbSize thumbSize(DescriptorSpec spec) {
        return new ClipSource.ThumbSize(spec.thumbWidth(), spec.thumbHeight());
    }

    private static void tick(AnalysisProgress progress, int index) {
        if ((index & 15) == 0) {
            progress.advance(index);
            checkCancel(progress);
        }
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
