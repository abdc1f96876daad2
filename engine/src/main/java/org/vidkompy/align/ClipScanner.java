package org.vidkompy.align;

import org.vidkompy.media.ClipSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * The bg's scan: a whole-frame thumbnail per frame, from which any footprint can be cut later, and
     * room for the full-resolution region a footprint too small for them is cut from ({@link BgZoom}).
     */
    record BgScan(ThumbnailStore store, Kept kept, BgZoom.Cache zoom) {
        BgScan(ThumbnailStore store, Kept kept) {
            this(store, kept, new BgZoom.Cache());
        }

        /** Every bg frame's presentation time, seconds. */
        double[] times() {
            return kept.times();
        }
    }

    /** Both scans, with the fg's content box and descriptor spec found on the way. */
    record Scans(BgScan bg, FgScan fg, PixelRect box, DescriptorSpec spec, double samplingSeconds) {
        /** The fg's part, for another analysis of the same fg (another bg of the same frame size). */
        FgSide fgSide() {
            return new FgSide(fg, box, spec, samplingSeconds);
        }

        /**
         * These scans for frames fetched from another clip of the bg (all its frames, where the scan
         * was of some): none of the bg's kept frames is that clip's frame of the same number.
         */
        Scans keepingNoBgFrames() {
            Kept none = new Kept(new int[0], List.of(), 1, bg.times());
            return new Scans(new BgScan(bg.store(), none, bg.zoom()), fg, box, spec, samplingSeconds);
        }

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
        // The bg's and the fg's tasks, and the workers of both clips' parts.
        ExecutorService pool = PartScan.pool(2 + PartScan.WORKERS, "vidkompy-scan");
        PartScan parts = new PartScan(pool);
        try {
            Future<BgScan> b = pool.submit(() -> scanBg(bg, plan, parts, done, progress));
            Future<FgSide> f = known != null ? java.util.concurrent.CompletableFuture.completedFuture(known)
                    : pool.submit(() -> scanFgSide(fg, plan, options, parts, done, progress));
            BgScan bgScan = TaskFailures.await(b);
            FgSide fgSide = TaskFailures.await(f);
            return new Scans(bgScan, fgSide.scan(), fgSide.box(), fgSide.spec(), fgSide.samplingSeconds());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The fg's letterbox box, descriptor spec and scan. */
    FgSide scanFgSide(ClipSource fg, ScanPlan plan, AnalysisOptions options, PartScan parts, AtomicLong done,
                      AnalysisProgress progress) {
        long t0 = System.nanoTime();
        PixelRect box = contentBox(fg, options);
        DescriptorSpec spec = ScanPlan.descriptorSpec(options.border(), box);
        double sampling = (System.nanoTime() - t0) / 1e9;
        return new FgSide(scanFg(fg, box, spec, plan, parts, done, progress), box, spec, sampling);
    }

    /** The fg's content (letterbox bars left out): the options', or found on a few samples of it. */
    PixelRect contentBox(ClipSource fg, AnalysisOptions options) {
        return options.spatial().contentBox() != null ? options.spatial().contentBox()
                : boxes.detect(planes(fg.samples(ScanPlan.BOX_SAMPLES)));
    }

    /** The bg's scan, in parts where the clip can be cut ({@link PartScan}). */
    private static BgScan scanBg(ClipSource bg, ScanPlan plan, PartScan parts, AtomicLong done,
                                 AnalysisProgress progress) {
        ThumbnailStore store = new ThumbnailStore(plan.store.width(), plan.store.height());
        List<ClipSource.Thumb> thumbs = List.of(plan.store);
        Sink sink = (i, t) -> store.put(i, t[0]);
        ClipSource.SplitScan split = PartScan.split(bg);
        if (split != null) {
            Keeper keeper = new Keeper(bg, plan, sink, done, progress);
            if (parts.run(bg.info(), split, thumbs, p -> keeper)) {
                return new BgScan(store, keeper.kept());
            }
            done.addAndGet(-keeper.visits());
        }
        Keeper keeper = new Keeper(bg, plan, sink, done, progress);
        bg.scan(thumbs, keeper);
        return new BgScan(store, keeper.kept());
    }

    /**
     * The fg's scan, in parts where the clip can be cut ({@link PartScan}): where it is as large as the
     * bg (a master and another framing of it), its decode is as long. Each part's descriptors are
     * appended in its own order and the parts' joined in theirs.
     */
    private static FgScan scanFg(ClipSource fg, PixelRect box, DescriptorSpec spec, ScanPlan plan,
                                 PartScan scans, AtomicLong done, AnalysisProgress progress) {
        ClipSource.Thumb fine = ScanPlan.fineThumb(box, fg.info().frames());
        ThumbnailStore store = new ThumbnailStore(fine.width(), fine.height());
        List<ClipSource.Thumb> thumbs = List.of(ScanPlan.descriptorThumb(box, spec), fine);
        ClipSource.SplitScan split = PartScan.split(fg);
        if (split != null) {
            DescriptorSequence.Builder[] parts = new DescriptorSequence.Builder[split.parts()];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = DescriptorSequence.builder(spec);
            }
            Keeper keeper = new Keeper(fg, plan, (i, t) -> store.put(i, t[1]), done, progress);
            if (scans.run(fg.info(), split, thumbs, p -> (i, t, planes, whole) -> {
                parts[p].add(planes[0]);
                keeper.frame(i, t, planes, whole);
            })) {
                DescriptorSequence.Builder all = DescriptorSequence.builder(spec);
                for (DescriptorSequence.Builder part : parts) {
                    all.addAll(part.build());
                }
                return new FgScan(all.build(), store, keeper.kept());
            }
            done.addAndGet(-keeper.visits());
        }
        DescriptorSequence.Builder descriptors = DescriptorSequence.builder(spec);
        // One whole scan, in order: the descriptors are appended as they come.
        Keeper keeper = new Keeper(fg, plan, (i, t) -> {
            descriptors.add(t[0]);
            store.put(i, t[1]);
        }, done, progress);
        fg.scan(thumbs, keeper);
        return new FgScan(descriptors.build(), store, keeper.kept());
    }

    /** Where a scan's thumbnails of frame {@code index} go. */
    @FunctionalInterface
    private interface Sink {
        void accept(int index, Plane[] thumbnails);
    }

    /**
     * What one scan keeps besides its thumbnails: every frame's time and the plan's captures, spread
     * evenly over the clip, at the plan's size. Takes frames from the parts of a split scan at once.
     */
    private static final class Keeper implements ClipSource.FrameVisitor {
        private final Sink sink;
        private final ScanPlan plan;
        private final double fps;
        private final AtomicLong done;
        private final AnalysisProgress progress;
        /** The frames captured whole: the first frame at or after each of the evenly spread places. */
        private final int[] wanted;
        private final LumaImage[] wholes;
        private double[] times = new double[256];
        private int frames;
        private int visits;

        Keeper(ClipSource clip, ScanPlan plan, Sink sink, AtomicLong done, AnalysisProgress progress) {
            this.sink = sink;
            this.plan = plan;
            this.fps = clip.info().fps();
            this.done = done;
            this.progress = progress;
            long count = Math.max(1, clip.info().frames());
            int n = (int) Math.min(plan.captures, count);
            // Frames come numbered 0, 1, 2, ...: a place the frame before took is taken by the next one.
            int[] at = new int[n];
            for (int k = 0; k < n; k++) {
                int place = (int) Math.min(count - 1, Math.round((k + 0.5) * count / n));
                at[k] = k > 0 ? Math.max(place, at[k - 1] + 1) : place;
            }
            this.wanted = at;
            this.wholes = new LumaImage[n];
        }

        @Override
        public void frame(int index, double timestamp, Plane[] thumbnails, ClipSource.Capture whole) {
            sink.accept(index, thumbnails);
            int k = java.util.Arrays.binarySearch(wanted, index);
            LumaImage kept = k >= 0 ? whole.grab().shrunk(plan.keepFactor) : null;
            synchronized (this) {
                if (index >= times.length) {
                    times = java.util.Arrays.copyOf(times, Math.max(index + 1, times.length * 2));
                }
                times[index] = timestamp;
                frames = Math.max(frames, index + 1);
                visits++;
                if (kept != null) {
                    wholes[k] = kept;
                }
            }
            long d = done.incrementAndGet();
            if ((d & 15) == 0) {
                synchronized (progress) {
                    progress.advance(d);
                    if (progress.cancelled() || Thread.currentThread().isInterrupted()) {
                        throw new AnalysisCancelledException();
                    }
                }
            }
        }

        synchronized int visits() {
            return visits;
        }

        synchronized Kept kept() {
            FrameClock clock = new FrameClock(fps);
            for (int i = 0; i < frames; i++) {
                clock.add(times[i]);
            }
            List<Integer> got = new ArrayList<>();
            List<LumaImage> kept = new ArrayList<>();
            for (int k = 0; k < wanted.length; k++) {
                if (wholes[k] != null) {
                    got.add(wanted[k]);
                    kept.add(wholes[k]);
                }
            }
            return new Kept(got.stream().mapToInt(Integer::intValue).toArray(), kept, plan.keepFactor, clock.times());
        }
    }

    private static List<Plane> planes(List<LumaImage> images) {
        List<Plane> out = new ArrayList<>(images.size());
        for (LumaImage i : images) {
            out.add(i.toPlane());
        }
        return out;
    }
}
