package org.vidkompy.spatial;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.ContentBoxDetector;
import org.vidkompy.image.GaussianBlur;
import org.vidkompy.image.Plane;
import org.vidkompy.image.PlaneStats;
import org.vidkompy.media.Footprint;
import org.vidkompy.media.Placement;
import org.vidkompy.spatial.SpatialAlignment.Consensus;

/**
 * Finds where the foreground sits in the background: position (sub-pixel) and scale.
 *
 * <p>The samples are full-resolution luma planes (0..255) spread over each clip. Fg sample k and bg
 * sample k need not show the same moment: every fg sample is compared with every bg sample, and the
 * placement is the one on which the pairs that do match agree. Flat samples (black frames, fades,
 * plain title cards; standard deviation below {@value #FLAT_STD} gray levels over the fg content) are
 * ignored.
 *
 * <p>Steps: detect letterbox/pillarbox bars unless a content box is given; search the content on
 * thumbnails with FFT ZNCC over all pairs and the scales allowed; vote; refine the best candidates by
 * Gauss-Newton down a pyramid to sub-pixel accuracy (see {@link PlacementRefiner}). With
 * {@link SpatialOptions#unscaled()} the scale-1 solution is kept unless another scale is clearly
 * better ({@link UnscaledPreference}). The reported position is the whole fg frame's: the content
 * position minus the bar offset times the scale.
 *
 * <p>A single fg image and a single bg image ("find this image in that image") are just one-sample lists.
 */
public final class SpatialAligner {

    static final double FLAT_STD = 2;
    /**
     * Below this ZNCC the fg may lie partly outside the bg, where the whole-fg search cannot put it:
     * {@link OverhangSearch} is tried too. True placements inside the bg score above 0.9.
     */
    static final double OVERHANG_TRY = 0.8;
    /**
     * An overhanging placement scoring below this is not taken at all: part of an unrelated fg over a
     * strip of the bg matches by chance (0.67 in a test), true overhangs score above 0.99.
     */
    static final double OVERHANG_MIN = 0.8;
    /** By how much an overhanging placement must beat the best placement inside the bg. */
    static final double OVERHANG_MARGIN = 0.1;
    /**
     * Against a placement pressed to the bg's edge, a smaller margin: an fg that overhangs a little
     * fits passably pressed to the edge it crosses, so that placement is suspect itself.
     */
    static final double EDGE_MARGIN = 0.02;
    /**
     * The overhang search runs only for an fg that spans at least this share of the bg's width or
     * height (at its own size, or larger where the search found it scaled up): a master over another framing of it. A small inset
     * hanging off the frame is rare, and searching tiles of a tiny fg all over a large bg costs minutes
     * for the many fgs that are simply not there.
     */
    static final double OVERHANG_MIN_SPAN = 0.25;
    /** A placement within this many bg pixels of an edge is at the edge. */
    static final double EDGE = 2;
    /**
     * Bg pixels of Gaussian blur on both pictures of noisy pairs: the bg resampled through it (then its
     * noise is averaged alike wherever a sample falls, {@link org.vidkompy.image.Resampler}), the fg
     * blurred to match ({@link GaussianBlur}). Without it a bg with film grain ({@code noise=alls=8})
     * over a tilt was placed 1 px off at scale 1.004, with it 0.1 px ({@code NoisyPairRefineTest}).
     */
    static final double PAIR_BLUR = 1.0;
    /**
     * Pairs that a plain refinement leaves below this (mean ZNCC) are refined again blurred
     * ({@link #PAIR_BLUR}). The accuracy suite's clean pairs end at 0.978 and above. (Deciding at the
     * start instead sent clean pairs started a little off down the blurred way, and a still scene's
     * speed step lost two frames.)
     */
    static final double NOISY_PAIRS = 0.97;
    /** Starts this close to scale 1 keep to the preference for it ({@link UnscaledPreference#pairedScaleBetter}). */
    static final double NEAR_UNIT = 0.01;

    private final Correlator correlator;
    private final ContentBoxDetector boxDetector = new ContentBoxDetector();
    private final ScaleSweep sweep = new ScaleSweep();
    private final UnscaledPreference preference = new UnscaledPreference();
    private final OverhangSearch overhang;

    @Inject
    public SpatialAligner(Correlator correlator) {
        this.correlator = correlator;
        this.overhang = new OverhangSearch(correlator);
    }

    /** Single image in single image. */
    public SpatialAlignment locate(Plane fg, Plane bg, SpatialOptions options) throws NoMatchException {
        return locate(List.of(fg), List.of(bg), options);
    }

    /**
     * @throws NoMatchException when no usable samples exist or the best refined ZNCC is below
     *                          {@link SpatialOptions#minConfidence()} (never for a fixed shift)
     */
    public SpatialAlignment locate(List<Plane> fgSamples, List<Plane> bgSamples, SpatialOptions options)
            throws NoMatchException {
        return locate(fgSamples, bgSamples, options, true);
    }

    /**
     * As {@link #locate(List, List, SpatialOptions)}, for an fg wholly inside the bg only: no tiled
     * search for an fg reaching past the bg's edges (which for an fg that is not there costs many
     * times the search itself).
     */
    public SpatialAlignment locateInside(List<Plane> fgSamples, List<Plane> bgSamples, SpatialOptions options)
            throws NoMatchException {
        return locate(fgSamples, bgSamples, options, false);
    }

    private SpatialAlignment locate(List<Plane> fgSamples, List<Plane> bgSamples, SpatialOptions options,
                                    boolean overhangs) throws NoMatchException {
        requireSameSize(fgSamples, "fg");
        requireSameSize(bgSamples, "bg");
        PrecisionPreset preset = PrecisionPreset.of(options.precision());
        Plane fg0 = fgSamples.get(0);
        PixelRect box = options.contentBox() != null ? options.contentBox() : boxDetector.detect(fgSamples);
        if (!box.fits(fg0.width(), fg0.height())) {
            throw new IllegalArgumentException(box + " is outside the " + fg0.width() + "x" + fg0.height() + " fg");
        }
        List<Plane> fgContents = new ArrayList<>();
        for (Plane p : thin(usable(fgSamples, box), Math.max(preset.fgSamples(), options.maxSamples()))) {
            fgContents.add(box.crop(p));
        }
        Plane bg0 = bgSamples.get(0);
        List<Plane> bgs = thin(usable(bgSamples, PixelRect.full(bg0.width(), bg0.height())),
                Math.max(preset.bgSamples(), options.maxSamples()));

        if (options.shift() != null) {
            return fixedShift(options.shift(), box, fgContents, bgs, preset);
        }
        if (fgContents.isEmpty() || bgs.isEmpty()) {
            throw new NoMatchException(0, "all " + (fgContents.isEmpty() ? "fg" : "bg") + " samples are flat");
        }
        SearchSession session = new SearchSession(fgContents, bgs, preset, correlator);
        double fit = session.bounds().fitScale();
        SearchResult result;
        List<Double> scales = sweep.scales(fit, preset.scaleStep());
        if (options.unscaled() && fit >= 1) {
            // Within the budget too: a tiny fg keeps the thumbnail at full working size, where all pairs
            // at scale 1 alone took half a minute.
            SearchResult unit = session.within(1).search(List.of(1.0), false);
            result = unit;
            if (unit == null || !preference.unitUnbeatable(unit.confidence())) {
                SearchResult scaled = session.within(scales.size()).search(scales, true);
                if (unit == null || scaled != null
                        && preference.scaledClearlyBetter(scaled.confidence(), unit.confidence())) {
                    result = scaled;
                }
            }
        } else {
            result = session.within(scales.size()).search(scales, true);
        }
        boolean atEdge = result != null && atEdge(result.placement(), fgContents.get(0), bg0);
        if (overhangs && (result == null || result.confidence() < OVERHANG_TRY || atEdge)
                && mayOverhang(result, fgContents.get(0), bg0)) {
            SearchResult over = overhang.search(fgContents, bgs, preset, options.unscaled());
            double margin = atEdge ? EDGE_MARGIN : OVERHANG_MARGIN;
            if (over != null && over.confidence() >= OVERHANG_MIN
                    && (result == null || over.confidence() > result.confidence() + margin)) {
                result = over;
            }
        }
        if (result == null) {
            throw new NoMatchException(0, "the fg content is too small or too flat at every scale that fits");
        }
        if (result.confidence() < options.minConfidence()) {
            throw new NoMatchException(result.confidence(),
                    String.format(java.util.Locale.ROOT, "below the minimum %.2f", options.minConfidence()));
        }
        SpatialAlignment found = toFrame(result.placement(), box, result.confidence(), result.consensus());
        List<Placement> elsewhere = new ArrayList<>();
        for (ContentPlacement p : result.elsewhere()) {
            elsewhere.add(toFrame(p, box, 0, Consensus.NONE).placement());
        }
        return new SpatialAlignment(found.placement(), found.consensus(), elsewhere);
    }

    /**
     * Refines {@code start} with pairs known to show the same moment: {@code fgSamples[k]} with
     * {@code bgSamples[k]}. Without camera motion between the two, nothing biases the fit, so this
     * is the final, sub-pixel step once the time alignment is known. Scale stays fixed at 1 when it
     * is 1 and the options prefer it; otherwise it is refined too. Where every pair is flat, nothing can
     * be measured: {@code start} comes back with confidence 0.
     */
    public SpatialAlignment refine(List<Plane> fgSamples, List<Plane> bgSamples, SpatialAlignment start,
                                   SpatialOptions options) {
        requireSameSize(fgSamples, "fg");
        requireSameSize(bgSamples, "bg");
        PrecisionPreset preset = PrecisionPreset.of(options.precision());
        Plane fg0 = fgSamples.get(0);
        PixelRect box = options.contentBox() != null ? options.contentBox() : PixelRect.full(fg0.width(), fg0.height());
        List<Plane> fgContents = new ArrayList<>();
        List<Plane> bgs = new ArrayList<>();
        for (int k = 0; k < Math.min(fgSamples.size(), bgSamples.size()); k++) {
            Plane f = fgSamples.get(k);
            if (PlaneStats.of(f, box).std() >= FLAT_STD && PlaneStats.of(bgSamples.get(k)).std() >= FLAT_STD) {
                fgContents.add(box.crop(f));
                bgs.add(bgSamples.get(k));
            }
        }
        if (fgContents.isEmpty()) {
            // Nothing measured it: confidence 0 says so, or a guess would pass on as a finding.
            return new SpatialAlignment(start.x(), start.y(), start.scale(), 0, start.consensus());
        }
        Footprint area = Footprint.of(start.x(), start.y(), start.scale(), box);
        Plane bg0 = bgs.get(0);
        // A start at or beyond the bg's edge is refined on the overlap only, so it may cross the edge.
        boolean beyond = area.x() < EDGE || area.y() < EDGE || area.right() > bg0.width() - EDGE
                || area.bottom() > bg0.height() - EDGE;
        SearchSession session = new SearchSession(fgContents, bgs, preset, correlator, beyond);
        SearchResult plain = refineFrom(session, start, box, options);
        if (plain.confidence() >= NOISY_PAIRS) {
            return toFrame(plain.placement(), box, plain.confidence(), plain.consensus());
        }
        // Noisy pairs: refined again from the start, blurred alike (the bg through its resampling, without
        // a copy: a 4K pair's crops are 6 MB each), and reported by their own ZNCC.
        List<Plane> fgBlurred = new ArrayList<>();
        for (Plane f : fgContents) {
            fgBlurred.add(GaussianBlur.of(f, PAIR_BLUR / start.scale()));
        }
        SearchResult r = refineFrom(new SearchSession(fgBlurred, bgs, preset, correlator, beyond, PAIR_BLUR), start,
                box, options);
        r = new SearchResult(r.placement(), session.pairedMean(r.placement()), r.consensus());
        return toFrame(r.placement(), box, r.confidence(), r.consensus());
    }

    /**
     * The session's pairs refined from {@code start}. Scale stays at 1 when it starts there, or a hair
     * from it, and the options prefer it, unless another is clearly better on these pairs.
     */
    private SearchResult refineFrom(SearchSession session, SpatialAlignment start, PixelRect box,
                                    SpatialOptions options) {
        boolean freeScale = !(options.unscaled() && start.scale() == 1.0);
        // A start a hair from scale 1 (the whole clip's look moves edges by a fifth of a thumbnail
        // pixel) is held to the same preference as one at 1, or noise would pick the scale.
        boolean nearUnit = options.unscaled() && freeScale && Math.abs(start.scale() - 1) <= NEAR_UNIT;
        Footprint area = Footprint.of(start.x(), start.y(), start.scale(), box);
        SearchResult r = session.refineFrom(new ContentPlacement(area.x(), area.y(), start.scale()), freeScale);
        if (!freeScale && !preference.pairedUnitUnbeatable(r.confidence())) {
            // Scale 1 came from samples of different moments, where a slightly-off scale cannot show;
            // pairs of one moment can (a 0.6 % smaller fg was kept at 1 and placed 0.8 px off).
            SearchResult scaled = session.refineFrom(new ContentPlacement(area.x(), area.y(), 1.0), true);
            if (preference.pairedScaleBetter(scaled.confidence(), r.confidence())) {
                r = scaled;
            }
        } else if (nearUnit) {
            Footprint unitArea = Footprint.of(start.x(), start.y(), 1.0, box);
            SearchResult unit = session.refineFrom(new ContentPlacement(unitArea.x(), unitArea.y(), 1.0), false);
            if (!preference.pairedScaleBetter(r.confidence(), unit.confidence())) {
                r = unit;
            }
        }
        return r;
    }

    /**
     * The given offset at scale 1. Confidence is the best ZNCC over the usable pairs when the content
     * lies inside the bg there, else 1 (nothing to measure; the caller asserted the placement).
     */
    private SpatialAlignment fixedShift(SpatialOptions.Shift shift, PixelRect box, List<Plane> fgContents,
                                        List<Plane> bgs, PrecisionPreset preset) {
        double confidence = 1;
        if (!fgContents.isEmpty() && !bgs.isEmpty()) {
            SearchSession session = new SearchSession(fgContents, bgs, preset, correlator);
            Footprint area = Footprint.of(shift.x(), shift.y(), 1, box);
            Bounds b = session.bounds();
            boolean inside = area.x() >= -1e-9 && area.y() >= -1e-9
                    && area.right() <= b.bgWidth() + 1e-9 && area.bottom() <= b.bgHeight() + 1e-9;
            if (inside) {
                confidence = session.measure(new ContentPlacement(area.x(), area.y(), 1));
            }
        }
        return new SpatialAlignment(shift.x(), shift.y(), 1, confidence, Consensus.NONE);
    }

    /** Whether content of {@code fg}'s size at {@code p} lies within {@link #EDGE} pixels of an edge of {@code bg}. */
    private static boolean atEdge(ContentPlacement p, Plane fg, Plane bg) {
        return p.x() < EDGE || p.y() < EDGE || p.x() + fg.width() * p.scale() > bg.width() - EDGE
                || p.y() + fg.height() * p.scale() > bg.height() - EDGE;
    }

    private static boolean mayOverhang(SearchResult found, Plane fg, Plane bg) {
        // At its own size or larger: a doubtful result may have shrunk a large fg to fit it inside.
        double scale = found != null ? Math.max(1.0, found.placement().scale()) : 1.0;
        return Math.max(fg.width() * scale / bg.width(), fg.height() * scale / bg.height()) >= OVERHANG_MIN_SPAN;
    }

    /** The inverse of {@link Footprint#of}: from where the content lies to where the whole fg frame does. */
    private static SpatialAlignment toFrame(ContentPlacement p, PixelRect box, double confidence, Consensus consensus) {
        return new SpatialAlignment(p.x() - box.x() * p.scale(), p.y() - box.y() * p.scale(), p.scale(),
                confidence, consensus);
    }

    private static List<Plane> usable(List<Plane> samples, PixelRect box) {
        List<Plane> out = new ArrayList<>();
        for (Plane p : samples) {
            if (PlaneStats.of(p, box).std() >= FLAT_STD) {
                out.add(p);
            }
        }
        return out;
    }

    /** At most {@code max} samples, evenly spread over the list (which is in clip order). */
    static List<Plane> thin(List<Plane> samples, int max) {
        if (samples.size() <= max) {
            return samples;
        }
        List<Plane> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            int index = max == 1 ? samples.size() / 2 : (int) Math.round(i * (samples.size() - 1) / (double) (max - 1));
            out.add(samples.get(index));
        }
        return out;
    }

    private static void requireSameSize(List<Plane> samples, String what) {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " samples");
        }
        Plane first = samples.get(0);
        for (Plane p : samples) {
            if (p.width() != first.width() || p.height() != first.height()) {
                throw new IllegalArgumentException(what + " samples differ in size");
            }
        }
    }
}
