package org.vidkompy.align;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.vidkompy.image.ContentBox;
import org.vidkompy.image.ContentBoxDetector;
import org.vidkompy.image.Plane;
import org.vidkompy.spatial.PrecisionPreset;
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
 * <ol>
 * <li>A few full-resolution samples of each clip (near key frames: cheap to decode) go to the
 *     spatial search, which needs no temporal correspondence between them.</li>
 * <li>Both clips are then decoded once, in parallel, into 32x32 thumbnails of the compared area (the
 *     fg content and the bg rectangle under it), reduced on the fly to compact descriptors.</li>
 * <li>The temporal alignment runs on the two descriptor sequences.</li>
 * </ol>
 * The same code serves files (FFmpeg) and the OpenFX host's clips: only the {@link ClipSource} differs.
 */
public final class Analyzer {

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
                         TemporalAlignment temporal, Timings timings) {
    }

    /** Wall-clock seconds per stage. */
    public record Timings(double sampling, double spatial, double scan, double temporal) {
        public double total() {
            return sampling + spatial + scan + temporal;
        }
    }

    public Result analyze(ClipSource bg, ClipSource fg, AnalysisOptions options, AnalysisProgress progress) {
        ClipInfo bi = bg.info();
        ClipInfo fi = fg.info();
        SpatialOptions so = options.spatial();
        PrecisionPreset preset = PrecisionPreset.of(so.precision());

        long t0 = System.nanoTime();
        progress.stage("sampling", 2);
        // Twice the preset's count: black, faded or title frames are dropped by the search, and the
        // rest are thinned evenly.
        List<Plane> fgSamples = fg.samples(2 * preset.fgSamples());
        checkCancel(progress);
        progress.advance(1);
        List<Plane> bgSamples = so.shift() == null ? bg.samples(2 * preset.bgSamples()) : List.of();
        checkCancel(progress);
        progress.advance(2);
        long t1 = System.nanoTime();

        ContentBox box = so.contentBox() != null ? so.contentBox() : boxes.detect(fgSamples);
        progress.stage("spatial", 1);
        SpatialAlignment place = so.shift() != null
                ? new SpatialAlignment(so.shift().x(), so.shift().y(), 1.0, 1.0)
                : spatial.locate(fgSamples, bgSamples, so.withContentBox(box));
        progress.advance(1);
        long t2 = System.nanoTime();

        Footprint area = Footprint.of(place, box, bi.width(), bi.height());
        DescriptorSpec spec = descriptorSpec(options, area);
        DescriptorSequence[] seqs = scanBoth(bg, fg, area, spec, progress);
        long t3 = System.nanoTime();

        progress.stage("temporal", 1);
        TemporalOptions to = TemporalOptions.of(fi.fps(), bi.fps());
        if (options.window() > 0) {
            to = to.withWindow(options.window());
        }
        TemporalAlignment time = temporal.align(seqs[1], seqs[0], to);
        progress.advance(1);
        long t4 = System.nanoTime();

        Alignment alignment = new Alignment(
                new Alignment.Clip(bi.name(), bi.width(), bi.height(), bi.fps(), bi.frames()),
                new Alignment.Clip(fi.name(), fi.width(), fi.height(), fi.fps(), seqs[1].size()),
                new Alignment.Placement(place.x(), place.y(), place.scale(), place.confidence()),
                new Alignment.Timing(time.confidence(), time.map(), time.frameConfidence(),
                        time.unmatched().stream().map(r -> new Alignment.FrameRange(r.first(), r.last())).toList()));
        return new Result(alignment, box, place, time,
                new Timings(sec(t1 - t0), sec(t2 - t1), sec(t3 - t2), sec(t4 - t3)));
    }

    private static DescriptorSpec descriptorSpec(AnalysisOptions options, Footprint area) {
        if (options.border() <= 0) {
            return DescriptorSpec.standard();
        }
        int w = DescriptorSpec.THUMB_WIDTH;
        int h = DescriptorSpec.THUMB_HEIGHT;
        // The band is given in fg pixels; the thumbnail squeezes the area to 32x32.
        double perPixel = Math.max((double) w / area.fg().width(), (double) h / area.fg().height());
        int band = (int) Math.max(1, Math.min(Math.min(w, h) / 2 - 1, Math.round(options.border() * perPixel)));
        return DescriptorSpec.withMask(ThumbMask.border(w, h, band));
    }

    /** Decodes both clips at once (two threads) into descriptor sequences: [bg, fg]. */
    private static DescriptorSequence[] scanBoth(ClipSource bg, ClipSource fg, Footprint area, DescriptorSpec spec,
                                                 AnalysisProgress progress) {
        long total = bg.info().frames() + fg.info().frames();
        progress.stage("scanning", total);
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vidkompy-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<DescriptorSequence> b = pool.submit(() -> scan(bg, area.bg(), spec, done, progress));
            Future<DescriptorSequence> f = pool.submit(() -> scan(fg, area.fg(), spec, done, progress));
            List<DescriptorSequence> out = new ArrayList<>();
            for (Future<DescriptorSequence> x : List.of(b, f)) {
                out.add(x.get());
            }
            return out.toArray(new DescriptorSequence[0]);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisCancelledException();
        } finally {
            pool.shutdownNow();
        }
    }

    private static DescriptorSequence scan(ClipSource clip, org.vidkompy.io.CropRect region, DescriptorSpec spec,
                                           AtomicLong done, AnalysisProgress progress) {
        DescriptorSequence.Builder builder = DescriptorSequence.builder(spec);
        clip.scan(region, List.of(new ClipSource.ThumbSize(spec.thumbWidth(), spec.thumbHeight())),
                (index, timestamp, thumbs) -> {
                    builder.add(thumbs[0]);
                    long d = done.incrementAndGet();
                    if ((d & 15) == 0) {
                        synchronized (progress) {
                            progress.advance(d);
                            checkCancel(progress);
                        }
                    }
                });
        return builder.build();
    }

    private static void checkCancel(AnalysisProgress p) {
        if (p.cancelled()) {
            throw new AnalysisCancelledException();
        }
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
