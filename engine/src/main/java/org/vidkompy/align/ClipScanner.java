package org.vidkompy.align;

import org.vidkompy.media.ClipSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.ContentBoxDetector;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.media.Clip;
import org.vidkompy.temporal.DescriptorSequence;
import org.vidkompy.temporal.DescriptorSpec;

/**
 * One pass over each clip, both at once, keeping what the {@link ScanPlan} says. The two clips are
 * scanned for different things, so there are two kinds of scan: the fg's ({@link FgScan}:
 * descriptors of its content and fine thumbnails) and the bg's ({@link BgScan}: whole-frame
 * thumbnails, because where the fg lies in it is not known yet). Both keep a few frames whole.
 */
final class ClipScanner {

    private final ContentBoxDetector boxes = new ContentBoxDetector();

    /** Frames kept whole during a scan, in clip order, shrunk by {@code factor} (1: full size). */
    record Kept(int[] indices, List<LumaImage> wholes, double factor, double[] times) {

        boolean contains(int index) {
            return position(index) >= 0;
        }

        /** Whether frame {@code index} is kept at full size. */
        boolean hasFull(int index) {
            return factor == 1 && position(index) >= 0;
        }

        /** Frame {@code index} at full size: kept, or else fetched from the clip. */
        LumaImage full(int index, ClipSource clip) {
            return hasFull(index) ? wholes.get(position(index)) : clip.frame(index);
        }

        private int position(int index) {
            for (int k = 0; k < indices.length; k++) {
                if (indices[k] == index) {
                    return k;
                }
            }
            return -1;
        }
    }

    /** The fg's scan: a descriptor per frame, a fine thumbnail per frame for the time refinement. */
    record FgScan(DescriptorSequence descriptors, ThumbnailStore fine, Kept kept) {
        /** Every fg frame's presentation time, seconds. */
        double[] times() {
            return kept.times();
        }
    }

    /** The bg's scan: a whole-frame thumbnail per frame, from which any footprint can be cut later. */
    record BgScan(ThumbnailStore store, Kept kept) {
        /** Every bg frame's presentation time, seconds. */
        double[] times() {
            return kept.times();
        }
    }

    /** Both scans, with the fg's content box and descriptor spec found on the way. */
    record Scans(BgScan bg, FgScan fg, PixelRect box, DescriptorSpec spec, double samplingSeconds) {
    }

    /** The fg's scan with what was found before it; reusable for any bg of the same frame size. */
    record FgSide(FgScan scan, PixelRect box, DescriptorSpec spec, double samplingSeconds) {
    }

    /**
     * Scans both clips at once. The bg scan needs nothing from the fg, so it starts at once; the fg
     * thread first looks at a few samples for letterbox bars (its thumbnails are of the content).
     */
    Scans scanBoth(ClipSource bg, ClipSource fg, AnalysisOptions options, AnalysisProgress progress) {
        return scanBoth(bg, fg, null, options, progress);
    }

    /**
     * As {@link #scanBoth(ClipSource, ClipSource, AnalysisOptions, AnalysisProgress)}, reusing the fg's
     * scan where one is given (what the fg scan keeps depends on the bg's frame size only).
     */
    Scans scanBoth(ClipSource bg, ClipSource fg, FgSide known, AnalysisOptions options, AnalysisProgress progress) {
        Clip bi = bg.info();
        Clip fi = fg.info();
        ScanPlan plan = ScanPlan.of(bi, fi);
        AtomicLong done = new AtomicLong();
        progress.stage("scanning", Math.max(1, bi.frames() + (known != null ? 0 : fi.frames())));
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vidkompy-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<BgScan> b = pool.submit(() -> scanBg(bg, plan, done, progress));
            Future<FgSide> f = known != null ? java.util.concurrent.CompletableFuture.completedFuture(known)
                    : pool.submit(() -> scanFgSide(fg, plan, options, done, progress));
            BgScan bgScan = b.get();
            FgSide fgSide = f.get();
            return new Scans(bgScan, fgSide.scan(), fgSide.box(), fgSide.spec(), fgSide.samplingSeconds());
        } catch (ExecutionException e) {
            throw TaskFailures.unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisCancelledException();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The fg's letterbox box, descriptor spec and scan. */
    FgSide scanFgSide(ClipSource fg, ScanPlan plan, AnalysisOptions options, AtomicLong done,
                      AnalysisProgress progress) {
        long t0 = System.nanoTime();
        PixelRect box = options.spatial().contentBox() != null ? options.spatial().contentBox()
                : boxes.detect(planes(fg.samples(ScanPlan.BOX_SAMPLES)));
        DescriptorSpec spec = ScanPlan.descriptorSpec(options.border(), box);
        double sampling = (System.nanoTime() - t0) / 1e9;
        return new FgSide(scanFg(fg, box, spec, plan, done, progress), box, spec, sampling);
    }

    private static BgScan scanBg(ClipSource bg, ScanPlan plan, AtomicLong done, AnalysisProgress progress) {
        ThumbnailStore store = new ThumbnailStore(plan.store.width(), plan.store.height());
        Kept kept = pass(bg, List.of(plan.store), plan, t -> store.add(t[0]), done, progress);
        return new BgScan(store, kept);
    }

    private static FgScan scanFg(ClipSource fg, PixelRect box, DescriptorSpec spec, ScanPlan plan, AtomicLong done,
                                 AnalysisProgress progress) {
        ClipSource.Thumb fine = ScanPlan.fineThumb(box, fg.info().frames());
        DescriptorSequence.Builder descriptors = DescriptorSequence.builder(spec);
        ThumbnailStore store = new ThumbnailStore(fine.width(), fine.height());
        Kept kept = pass(fg, List.of(ScanPlan.descriptorThumb(box, spec), fine), plan, t -> {
            descriptors.add(t[0]);
            store.add(t[1]);
        }, done, progress);
        return new FgScan(descriptors.build(), store, kept);
    }

    /**
     * Decodes {@code clip} once, handing every frame's thumbnails to {@code sink} and keeping the
     * plan's captures, spread evenly over it, at the plan's size.
     */
    private static Kept pass(ClipSource clip, List<ClipSource.Thumb> thumbs, ScanPlan plan, Consumer<Plane[]> sink,
                             AtomicLong done, AnalysisProgress progress) {
        long frames = Math.max(1, clip.info().frames());
        int n = (int) Math.min(plan.captures, frames);
        int[] wanted = new int[n];
        for (int k = 0; k < n; k++) {
            wanted[k] = (int) Math.min(frames - 1, Math.round((k + 0.5) * frames / n));
        }
        List<Integer> got = new ArrayList<>();
        List<LumaImage> wholes = new ArrayList<>();
        int[] next = {0};
        FrameClock clock = new FrameClock(clip.info().fps());
        clip.scan(thumbs, (index, ts, planes, whole) -> {
            sink.accept(planes);
            clock.add(ts);
            if (next[0] < n && index >= wanted[next[0]]) {
                got.add(index);
                wholes.add(whole.grab().shrunk(plan.keepFactor));
                next[0]++;
            }
            long d = done.incrementAndGet();
            if ((d & 15) == 0) {
                synchronized (progress) {
                    progress.advance(d);
                    if (progress.cancelled()) {
                        throw new AnalysisCancelledException();
                    }
                }
            }
        });
        return new Kept(got.stream().mapToInt(Integer::intValue).toArray(), wholes, plan.keepFactor, clock.times());
    }

    private static List<Plane> planes(List<LumaImage> images) {
        List<Plane> out = new ArrayList<>(images.size());
        for (LumaImage i : images) {
            out.add(i.toPlane());
        }
        return out;
    }
}
