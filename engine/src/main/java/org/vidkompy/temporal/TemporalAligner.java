package org.vidkompy.temporal;

import org.vidkompy.media.FrameRange;
import com.google.inject.AbstractModule;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/**
 * Finds the bg frame under every fg frame: a monotone Viterbi alignment over descriptor distances,
 * coarse to fine (whole lattice at the coarsest level, bands around the projected path below), then a
 * per-frame refinement, classification and extrapolation of what the pictures cannot place.
 */
public final class TemporalAligner {

    /** The smallest coarse budget a re-aligned part gets, whatever its share. */
    static final long MIN_PART_BUDGET = 20_000;

    private final BandCostKernel kernel;
    private final LevelPlanner planner = new LevelPlanner();
    private final SequencePooler pooler = new SequencePooler();
    private final BandProjector projector = new BandProjector();
    private final GapFiller filler = new GapFiller();
    private final MotionScale motion = new MotionScale();
    private final BoundaryOverrun overrun = new BoundaryOverrun();

    @Inject
    public TemporalAligner(BandCostKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    /** Binds the CPU cost kernel; a CUDA module would bind its twin instead. */
    public static final class Module extends AbstractModule {
        @Override
        protected void configure() {
            bind(BandCostKernel.class).to(CpuCostKernel.class);
        }
    }

    public TemporalAlignment align(DescriptorSequence fg, DescriptorSequence bg, TemporalOptions opts) {
        Objects.requireNonNull(opts, "opts");
        if (fg.size() == 0 || bg.size() == 0) {
            throw new IllegalArgumentException("cannot align " + fg.size() + " fg frames with " + bg.size() + " bg frames");
        }
        if (fg.dimension() != bg.dimension() || !fg.spec().mask().equals(bg.spec().mask())) {
            throw new IllegalArgumentException("fg and bg descriptors were made with different specs: "
                    + fg.spec() + " vs " + bg.spec());
        }
        int[] firstPass = coarseToFine(fg, bg, opts);
        // Replays: parts of the fg the monotone path could only bend around, aligned on their own.
        firstPass = new ReplayFinder(kernel).follow(fg, bg, firstPass, motion.of(bg),
                new RateStepPrior(opts.bgPerFg(), 0f, 0f).maxStep(), opts.unmatchedThreshold(),
                // Each part gets its share of the coarse budget: all parts of a round cost one alignment.
                part -> coarseToFine(part, bg, opts.withCoarseCellBudget(Math.max(MIN_PART_BUDGET,
                        opts.coarseCellBudget() * part.size() / fg.size()))));
        int[] path = followPieces(fg, bg, firstPass, opts);
        return finish(fg, bg, path, opts);
    }

    /**
     * The alignment of an fg whose frames sit at their own times (variable rate): aligned on a
     * regular grid ({@link TimeGrid}) and read back per frame. {@code opts.fgFps()} is replaced by the
     * grid's rate.
     *
     * @param fgTimes every fg frame's presentation time, seconds, rising
     */
    public TemporalAlignment align(DescriptorSequence fg, double[] fgTimes, DescriptorSequence bg,
                                   TemporalOptions opts) {
        if (fgTimes.length != fg.size()) {
            throw new IllegalArgumentException(fgTimes.length + " timestamps for " + fg.size() + " fg frames");
        }
        TimeGrid grid = TimeGrid.of(fgTimes, opts.fgFps());
        TemporalOptions gridded = opts.withFgFps(grid.fps());
        if (grid.isIdentity()) {
            return align(fg, bg, gridded);
        }
        return grid.gather(align(grid.spread(fg), bg, gridded), fg);
    }

    private int[] coarseToFine(DescriptorSequence fg, DescriptorSequence bg, TemporalOptions opts) {
        double r = opts.bgPerFg();
        List<AlignmentLevel> levels = planner.plan(fg.size(), bg.size(), r, opts.coarseCellBudget());
        BandedViterbi viterbi = new BandedViterbi(kernel);
        int[] path = null;
        AlignmentLevel coarser = null;
        for (AlignmentLevel level : levels) {
            DescriptorSequence f = level.isFinest() ? fg : pooler.pool(fg, level.fgFactor());
            DescriptorSequence b = level.isFinest() ? bg : pooler.pool(bg, level.bgFactor());
            double ratio = level.ratio(r);
            // Virtual bg units either side: room for fg frames that start before or run past the bg.
            int virtual = (int) Math.ceil(f.size() * ratio) + 2;
            int colMin = -virtual;
            int colMax = b.size() - 1 + virtual;
            Band band;
            if (path == null) {
                band = Band.full(f.size(), colMin, colMax);
            } else {
                // One coarse bg unit of uncertainty either side, in this level's units, plus slack.
                int half = (int) Math.ceil(2 * coarser.bgFactor() / level.bgFactor()) + 4;
                if (level.isFinest()) {
                    half = Math.max(half, opts.window());
                }
                band = projector.project(path, coarser, level, f.size(), r, colMin, colMax, half);
            }
            float stepPenalty = opts.stepPenalty() * motion.of(b);
            path = viterbi.solve(f, b, band, new RateStepPrior(ratio, stepPenalty, opts.cutPenalty()),
                    opts.mismatchCost());
            coarser = level;
        }
        return path;
    }

    /**
     * The trajectory pass for every monotone piece of the first pass on its own: a trajectory (and the
     * band around it) must not be fitted across a backward jump. One piece, the whole fg, without replays.
     */
    private int[] followPieces(DescriptorSequence fg, DescriptorSequence bg, int[] firstPass, TemporalOptions opts) {
        int n = firstPass.length;
        int[] path = new int[n];
        int a = 0;
        for (int i = 1; i <= n; i++) {
            if (i < n && firstPass[i] >= firstPass[i - 1]) {
                continue;
            }
            if (a == 0 && i == n) {
                return followTrajectory(fg, bg, firstPass, opts);
            }
            int[] idx = new int[i - a];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = a + k;
            }
            int[] piece = followTrajectory(fg.resampled(idx), bg, java.util.Arrays.copyOfRange(firstPass, a, i), opts);
            System.arraycopy(piece, 0, path, a, piece.length);
            a = i;
        }
        return path;
    }

    /**
     * Second full-rate pass: the same lattice near the first path, but each row expects the step of the
     * smooth trajectory through the first path, so weak pictures follow the measured rate and phase.
     */
    private int[] followTrajectory(DescriptorSequence fg, DescriptorSequence bg, int[] firstPass,
                                   TemporalOptions opts) {
        int n = fg.size();
        float[] cost = new float[n];
        new NeighbourRefiner(kernel).costs(fg, bg, firstPass, cost);
        boolean[] trusted = new boolean[n];
        for (int i = 0; i < n; i++) {
            trusted[i] = firstPass[i] >= 0 && firstPass[i] < bg.size() && cost[i] < opts.unmatchedThreshold();
        }
        double r = opts.bgPerFg();
        int maxStep = new RateStepPrior(r, 0f, 0f).maxStep();
        int half = Math.max(3, (int) Math.round(opts.trajectorySeconds() * opts.fgFps()));
        // Only blank frames part the fit here: frames the pictures did not place (heavy noise, a
        // grade) are too many on hard clips, and the line through them is what carries them.
        boolean[] blank = new boolean[n];
        for (int i = 0; i < n; i++) {
            blank[i] = fg.isUninformative(i);
        }
        int[] expected = new TrajectoryFit().expectedSteps(firstPass, trusted, Inserts.of(blank, opts.fgFps()),
                maxStep, r, half);
        int virtual = (int) Math.ceil(n * r) + 2;
        AlignmentLevel finest = new AlignmentLevel(1, 1.0);
        Band band = projector.project(firstPass, finest, finest, n, r, -virtual, bg.size() - 1 + virtual,
                Math.max(4, opts.refineRadius() + 2));
        float alpha = opts.trajectoryPenalty() * motion.of(bg);
        return new BandedViterbi(kernel).solve(fg, bg, band,
                new TrajectoryStepPrior(expected, alpha, opts.cutPenalty()), opts.mismatchCost());
    }

    private TemporalAlignment finish(DescriptorSequence fg, DescriptorSequence bg, int[] path, TemporalOptions opts) {
        int n = fg.size();
        float delta = motion.of(bg);
        float[] cost = new float[n];
        // A move must beat the two trajectory deviations it implies, else noise would shuffle frames.
        new NeighbourRefiner(kernel).refine(fg, bg, path, opts.refineRadius(), 2 * opts.trajectoryPenalty() * delta,
                cost);
        boolean[] outside = new boolean[n];
        // "Same picture" at the edge: within a few frames' worth of typical change.
        overrun.mark(path, cost, opts.bgPerFg(), bg.size(), 3 * delta, outside);
        boolean[] matched = new boolean[n];
        boolean[] unmatched = new boolean[n];
        boolean[] flat = new boolean[n];
        float[] confidence = new float[n];
        double sum = 0;
        float tau = opts.unmatchedThreshold();
        for (int i = 0; i < n; i++) {
            flat[i] = fg.isUninformative(i);
            boolean inBg = path[i] >= 0 && path[i] < bg.size() && !outside[i];
            matched[i] = !flat[i] && inBg && cost[i] < tau; // NaN cost: not matched
            unmatched[i] = !flat[i] && !matched[i];
            confidence[i] = matched[i] ? Math.max(0f, Math.min(1f, 1f - cost[i] / tau)) : 0f;
            sum += confidence[i];
        }
        filler.fill(path, matched, opts.bgPerFg(), bg.size());
        return new TemporalAlignment(path, confidence, sum / n, FrameRange.runsOf(unmatched), FrameRange.runsOf(flat));
    }
}
