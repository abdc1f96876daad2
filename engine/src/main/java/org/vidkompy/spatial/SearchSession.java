package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.List;
import org.vidkompy.image.Plane;
import org.vidkompy.image.Resampler;
import org.vidkompy.spatial.SpatialAlignment.Consensus;

/**
 * One {@link SpatialAligner#locate} call's search state: the usable samples, their thumbnails and
 * pyramid levels, shared by the scale-1 search and the scale sweep so neither recomputes them.
 *
 * <p>A search is: coarse FFT candidates over all sample pairs and the given scales; a coarse vote
 * ({@link Voting}) for the placements worth refining; for the best clusters, each fg sample's
 * leading pairs refined on their own on the coarse pyramid levels; a second vote among the refined
 * pairs ({@link RefinedVote}); and the winning group's best pairs refined jointly on the remaining
 * levels down to the finest, which averages out what each pair's content does to its own optimum
 * (aliasing, noise), typically halving the error of a single pair.
 *
 * <p>Pairs are refined one by one, not jointly, on purpose: when the camera pans, an fg sample
 * matched against a bg sample from another moment matches just as well a few pixels away. Such
 * pairs fall into the same coarse cluster, and averaging them with time-corresponding pairs would
 * bias the result; refined separately they separate, and the true placement is the one that fg
 * samples keep agreeing on.
 */
final class SearchSession {

    /** Pairs {@link #measure} looks at at full resolution, the best on a coarse level. */
    static final int MEASURED = 4;
    /** The content's larger side, in pixels, on the level {@link #measure} screens the pairs on, at least. */
    static final int SCREEN_EXTENT = 96;
    /** Refinement levels start where the fg content is still this many pixels in its smaller dimension. */
    static final int MIN_LEVEL_SIZE = 24;
    /**
     * The finest refinement level keeps the content's larger side within this many pixels (halving from
     * full resolution): a larger fg holds more than enough pixels for a hundredth of a pixel, and every
     * iteration resamples them all.
     */
    static final int MAX_FINEST_EXTENT = 640;
    static final double MIN_SCALE = 0.02;
    static final double INDIVIDUAL_MIN_FACTOR = 3.5;
    /**
     * The scale-1 template keeps at least this many thumbnail pixels in its smaller dimension. A
     * thumbnail sized by the bg alone would shrink a small inset (a tenth of the bg's width) below
     * {@link CoarseSearch#MIN_TEMPLATE}: scale 1 would never be tried and a wrong, larger scale won.
     */
    static final int MIN_UNIT_TEMPLATE = 2 * CoarseSearch.MIN_TEMPLATE;
    /**
     * Correlation grid pixels (sample pairs x scales x FFT grid) one coarse search may spend, about
     * three seconds on one core. The usual thumbnail grid is 128x64, so hundreds of pairs over a full
     * sweep stay within it; a tiny fg (a thirtieth of the bg's width) keeps the thumbnail at full
     * working size, a 1024x512 grid, where 24 x 24 pairs took 25 s for scale 1 alone.
     */
    static final long COARSE_BUDGET = 48L << 20;
    /** Clusters scoring this share of the best one's score or more are close ({@link #closeClusters}). */
    static final double CLOSE_CLUSTER = 0.9;
    /** Clusters looked at, at most. */
    static final int MAX_CLUSTERS = 4;
    /** Other groups' placements a search reports, at most ({@link RefinedVote#elsewhere}). */
    static final int MAX_ELSEWHERE = 4;
    /** Thinning keeps at least this many fg samples, each still against every bg sample it can. */
    static final int MIN_BUDGET_FG = 2;

    private final List<Plane> fgContents;
    private final List<Plane> bgSamples;
    private final PrecisionPreset preset;
    private final CoarseSearch coarse;
    private final double thumbFactor;
    private final List<Plane> bgThumbs = new ArrayList<>();
    private final Bounds bounds;
    private final PlacementRefiner refiner;
    private final Voting voting;

    SearchSession(List<Plane> fgContents, List<Plane> bgSamples, PrecisionPreset preset, Correlator correlator) {
        this(fgContents, bgSamples, preset, correlator, false);
    }

    /** With {@code overhang}, refinements may move the content partly beyond the bg (see {@link Bounds}). */
    SearchSession(List<Plane> fgContents, List<Plane> bgSamples, PrecisionPreset preset, Correlator correlator,
                  boolean overhang) {
        this(fgContents, bgSamples, preset, correlator, overhang, 0);
    }

    /** With {@code bgBlur}, refinements resample the bg through a Gaussian of that many pixels ({@link PlacementRefiner}). */
    SearchSession(List<Plane> fgContents, List<Plane> bgSamples, PrecisionPreset preset, Correlator correlator,
                  boolean overhang, double bgBlur) {
        this.fgContents = fgContents;
        this.bgSamples = bgSamples;
        this.preset = preset;
        this.coarse = new CoarseSearch(correlator);
        Plane bg0 = bgSamples.get(0);
        Plane fg0 = fgContents.get(0);
        double thumbArea = preset.thumbWidth() * preset.thumbWidth() * 9.0 / 16.0;
        double byBg = Math.sqrt((double) bg0.width() * bg0.height() / thumbArea);
        double byFg = Math.min(fg0.width(), fg0.height()) / (double) MIN_UNIT_TEMPLATE;
        this.thumbFactor = Math.max(1, Math.min(byBg, byFg));
        this.bounds = new Bounds(bg0.width(), bg0.height(), fg0.width(), fg0.height(), MIN_SCALE, overhang);
        this.refiner = new PlacementRefiner(new LevelCache(fgContents, bgSamples, bgBlur), bounds, bgBlur);
        this.voting = new Voting(fg0.width(), fg0.height(), thumbFactor, preset.scaleStep());
    }

    /**
     * This session, or one on fewer samples when correlating all pairs at {@code scales} scales would
     * exceed {@link #COARSE_BUDGET}. fg samples go first: the bg samples are dense in time, so each fg
     * sample kept still meets a bg sample from nearly its moment.
     */
    SearchSession within(int scales) {
        Plane bg0 = bgSamples.get(0);
        long grid = (long) CpuCorrelator.nextPow2((int) Math.ceil(bg0.width() / thumbFactor))
                * CpuCorrelator.nextPow2((int) Math.ceil(bg0.height() / thumbFactor));
        long pairs = Math.max(1, COARSE_BUDGET / (grid * Math.max(1, scales)));
        if ((long) fgContents.size() * bgSamples.size() <= pairs) {
            return this;
        }
        int nf = (int) Math.max(Math.min(MIN_BUDGET_FG, fgContents.size()),
                Math.min(fgContents.size(), pairs / bgSamples.size()));
        int nb = (int) Math.max(1, Math.min(bgSamples.size(), pairs / nf));
        return new SearchSession(SpatialAligner.thin(fgContents, nf), SpatialAligner.thin(bgSamples, nb), preset,
                coarse.correlator());
    }

    Bounds bounds() {
        return bounds;
    }

    /** Null when no scale gives a template that fits and has structure. */
    SearchResult search(List<Double> scales, boolean freeScale) {
        List<Candidate> candidates = coarse.run(fgContents, thumbs(), thumbFactor, scales);
        if (candidates.isEmpty()) {
            return null;
        }
        List<VoteCluster> clusters = voting.cluster(candidates);
        List<Double> factors = levelFactors();
        int split = individualLevels(factors);
        List<Double> individual = factors.subList(0, split);
        List<Double> joint = factors.subList(split, factors.size());
        List<Refined> refined = new ArrayList<>();
        int refinedClusters = Math.min(preset.candidates(), clusters.size());
        for (int i = 0; i < refinedClusters; i++) {
            for (Candidate c : clusters.get(i).leaders(preset.pairs())) {
                ContentPlacement start = new ContentPlacement(c.x(), c.y(), freeScale ? c.scale() : 1.0);
                refined.add(refiner.refine(start, List.of(new SamplePair(c.fg(), c.bg())), freeScale,
                        individual, preset.iterations()));
            }
        }
        // Refined pairs of one true placement agree to a fraction of a level pixel; bg samples from
        // other moments of a pan land whole pixels away.
        double lastIndividual = individual.get(individual.size() - 1);
        RefinedVote vote = new RefinedVote(Math.max(1.0, 0.5 * lastIndividual), bounds.contentWidth(),
                bounds.contentHeight());
        Refined best = vote.winner(refined);
        Consensus consensus = vote.consensus(best, refined, distinctFg(candidates));
        // Other groups of the refined clusters and the unrefined close clusters, taken in turn: the
        // former are often the same trade along a pan, the latter independent.
        List<ContentPlacement> groups = vote.elsewhere(best, refined, MAX_ELSEWHERE);
        List<ContentPlacement> close = new ArrayList<>();
        for (int i = refinedClusters; i < closeClusters(clusters, refinedClusters); i++) {
            Candidate c = clusters.get(i).seed();
            close.add(new ContentPlacement(c.x(), c.y(), freeScale ? c.scale() : 1.0));
        }
        List<ContentPlacement> elsewhere = new ArrayList<>();
        for (int i = 0; i < Math.max(groups.size(), close.size()); i++) {
            if (i < groups.size()) {
                elsewhere.add(groups.get(i));
            }
            if (i < close.size()) {
                elsewhere.add(close.get(i));
            }
        }
        List<SamplePair> group = vote.group(best, refined, preset.pairs());
        if (!joint.isEmpty() || group.size() > 1) {
            best = refiner.refine(best.placement(), group, freeScale,
                    joint.isEmpty() ? individual.subList(split - 1, split) : joint, preset.iterations());
        }
        return new SearchResult(best.placement(), best.best(), consensus, elsewhere);
    }

    /**
     * The end of the clusters close behind the best (within {@link #CLOSE_CLUSTER} of its score), from
     * {@code n} on, up to {@link #MAX_CLUSTERS}: they are reported {@link SearchResult#elsewhere} as they
     * are, unrefined. Over a pan of a still scene an fg sample fits bg samples of other moments almost as
     * well a few pixels aside, and the pairs of the true placement, from moments a few frames apart, may
     * split between neighbouring clusters: one cluster of wrong pairs outscored each half by 0.4 %
     * (mixed pair 4, a 145x82 fg at 31 fps over 25).
     */
    static int closeClusters(List<VoteCluster> clusters, int n) {
        double top = clusters.get(0).score();
        while (n < Math.min(MAX_CLUSTERS, clusters.size()) && clusters.get(n).score() >= CLOSE_CLUSTER * top) {
            n++;
        }
        return n;
    }

    /**
     * How many leading levels pairs are refined on separately: those at 1/4 resolution or coarser,
     * which is cheap and already separates placements a few pixels apart, but at least the first and,
     * when there is more than one, never the finest.
     */
    private static int individualLevels(List<Double> factors) {
        int n = 1;
        while (n < factors.size() - 1 && factors.get(n) >= INDIVIDUAL_MIN_FACTOR) {
            n++;
        }
        return n;
    }

    private static int distinctFg(List<Candidate> candidates) {
        java.util.Set<Integer> fg = new java.util.HashSet<>();
        for (Candidate c : candidates) {
            fg.add(c.fg());
        }
        return fg.size();
    }

    /**
     * Refines a known placement with pairs that show the same moment ({@code fg k} with {@code bg k}),
     * jointly, from a level where the start is surely within reach down to the finest. No search:
     * the caller already knows roughly where the fg is and at which scale.
     */
    SearchResult refineFrom(ContentPlacement start, boolean freeScale) {
        List<SamplePair> pairs = sameMoments();
        List<Double> factors = levelFactors();
        // A start within a few pixels needs only the last few levels (at most 1/4 resolution).
        int from = 0;
        while (from < factors.size() - 1 && factors.get(from) > 4) {
            from++;
        }
        Refined r = refiner.refine(start, pairs, freeScale, factors.subList(from, factors.size()),
                preset.iterations() * 2);
        double mean = 0;
        for (double z : r.zncc()) {
            mean += z / r.zncc().length;
        }
        return new SearchResult(r.placement(), mean, new Consensus(pairs.size(), pairs.size()));
    }

    /**
     * From a placement found on part of the fg: for every fg sample, the {@code perFg} bg samples that
     * fit it best there, each pair refined on its own on the coarser levels from 1/4 resolution; the
     * placement most fg samples agree on ({@link RefinedVote}), refined jointly on its group down to the
     * finest level. With unknown time, an fg sample paired with a bg sample of another moment of a pan
     * fits best a few pixels aside, and may fit better there than any pair of one moment fits the truth;
     * such placements scatter, while every fg sample with a bg sample of its own moment lands on the
     * truth. Null when no pair overlaps the bg at {@code start}.
     */
    SearchResult refineVoted(ContentPlacement start, int perFg, boolean freeScale) {
        List<SamplePair> pairs = allPairs();
        double[] z = refiner.measure(start, pairs, 1);
        List<Double> factors = levelFactors();
        int from = 0;
        while (from < factors.size() - 1 && factors.get(from) > 4) {
            from++;
        }
        List<Double> levels = factors.subList(from, factors.size());
        int split = individualLevels(levels);
        List<Double> individual = levels.subList(0, split);
        List<Double> joint = levels.subList(split, levels.size());
        List<Refined> refined = new ArrayList<>();
        int nb = bgSamples.size();
        for (int f = 0; f < fgContents.size(); f++) {
            Integer[] order = new Integer[nb];
            for (int b = 0; b < nb; b++) {
                order[b] = f * nb + b;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(z[b], z[a]));
            for (int i = 0; i < Math.min(perFg, nb); i++) {
                if (z[order[i]] > 0) {
                    refined.add(refiner.refine(start, List.of(pairs.get(order[i])), freeScale, individual,
                            preset.iterations()));
                }
            }
        }
        if (refined.isEmpty()) {
            return null;
        }
        double lastIndividual = individual.get(individual.size() - 1);
        RefinedVote vote = new RefinedVote(Math.max(1.0, 0.5 * lastIndividual), bounds.contentWidth(),
                bounds.contentHeight());
        Refined best = vote.winner(refined);
        Consensus consensus = vote.consensus(best, refined, fgContents.size());
        List<SamplePair> group = vote.group(best, refined, Math.max(perFg, preset.pairs()));
        if (!joint.isEmpty() || group.size() > 1) {
            best = refiner.refine(best.placement(), group, freeScale,
                    joint.isEmpty() ? individual.subList(split - 1, split) : joint, preset.iterations());
        }
        return new SearchResult(best.placement(), best.best(), consensus);
    }

    /**
     * ZNCC at a fixed placement, at full resolution, of the pair that fits it best. Every fg sample with
     * every bg sample (hundreds of pairs) is looked at on a coarse level first, and only the
     * {@link #MEASURED} best there at full resolution: all at full resolution cost seconds per placement,
     * and a 1024x576 fg held 2.7 GB of buffers.
     */
    double measure(ContentPlacement p) {
        List<SamplePair> pairs = allPairs();
        if (pairs.size() > MEASURED) {
            double extent = Math.max(bounds.contentWidth(), bounds.contentHeight());
            double screen = 1;
            for (double f : levelFactors()) {
                if (extent / f >= SCREEN_EXTENT) {
                    screen = f;
                    break;
                }
            }
            double[] coarse = refiner.measure(p, pairs, screen);
            Integer[] order = new Integer[pairs.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(coarse[b], coarse[a]));
            List<SamplePair> leading = new ArrayList<>();
            for (int i = 0; i < MEASURED; i++) {
                leading.add(pairs.get(order[i]));
            }
            pairs = leading;
        }
        double best = -1;
        for (double z : refiner.measure(p, pairs, 1)) {
            best = Math.max(best, z);
        }
        return best;
    }

    /** Mean ZNCC at a fixed placement, at full resolution, of the pairs fg k with bg k. */
    double pairedMean(ContentPlacement p) {
        List<SamplePair> pairs = sameMoments();
        double sum = 0;
        for (double z : refiner.measure(p, pairs, 1)) {
            sum += z;
        }
        return sum / pairs.size();
    }

    /** The pairs fg k with bg k: samples known to show one moment. */
    private List<SamplePair> sameMoments() {
        List<SamplePair> pairs = new ArrayList<>();
        for (int k = 0; k < Math.min(fgContents.size(), bgSamples.size()); k++) {
            pairs.add(new SamplePair(k, k));
        }
        return pairs;
    }

    /** Every fg sample with every bg sample. */
    private List<SamplePair> allPairs() {
        List<SamplePair> pairs = new ArrayList<>();
        for (int f = 0; f < fgContents.size(); f++) {
            for (int b = 0; b < bgSamples.size(); b++) {
                pairs.add(new SamplePair(f, b));
            }
        }
        return pairs;
    }

    private List<Plane> thumbs() {
        if (bgThumbs.isEmpty()) {
            for (Plane bg : bgSamples) {
                bgThumbs.add(Resampler.shrink(bg, thumbFactor));
            }
        }
        return bgThumbs;
    }

    /** Pyramid factors, coarse to fine: from about the thumbnail factor, halving, to the preset's finest. */
    private List<Double> levelFactors() {
        double finest = preset.finestLevel();
        double extent = Math.max(bounds.contentWidth(), bounds.contentHeight());
        while (extent / finest > MAX_FINEST_EXTENT) {
            finest *= 2;
        }
        double start = Math.min(thumbFactor,
                Math.min(bounds.contentWidth(), bounds.contentHeight()) / (double) MIN_LEVEL_SIZE);
        List<Double> out = new ArrayList<>();
        for (double f = start; f > finest * 1.5; f /= 2) {
            out.add(f);
        }
        out.add(finest);
        return out;
    }
}
