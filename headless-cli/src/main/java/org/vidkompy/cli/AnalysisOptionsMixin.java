package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import org.vidkompy.align.AnalysisCache;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.cuda.ComputeSelection;
import org.vidkompy.cuda.GpuMode;
import org.vidkompy.spatial.SpatialOptions;
import picocli.CommandLine.Option;

/** The analysis options, shared by analyze, comp and check, with the names users of the original know. */
final class AnalysisOptionsMixin {

    /** Bounds no real video reaches (a 16K frame is 15360 px wide; an hour at 60 fps is 216,000 frames). */
    private static final double MAX_SHIFT = 100_000;
    private static final int MAX_WINDOW = 100_000;
    private static final int MAX_BORDER = 10_000;

    /** Guice creates the mixin (picocli asks {@link GuiceFactory}), so it can hand --gpu to the engine. */
    private final ComputeSelection compute;

    @Inject
    AnalysisOptionsMixin(ComputeSelection compute) {
        this.compute = compute;
    }

    @Option(names = {"-p", "--align-precision"}, paramLabel = "0..4", defaultValue = "2",
            description = "Spatial search effort: 0 fastest .. 4 most thorough (default ${DEFAULT-VALUE}). "
                    + "More samples, larger thumbnails, finer scale steps, more refinement.")
    int precision;

    @Option(names = "--unscaled", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Prefer scale 1: another scale wins only when clearly better (default). "
                    + "--no-unscaled or --unscaled=false lets the best scale win outright.")
    boolean unscaled;

    @Option(names = "--x-shift", paramLabel = "X", description = "Place the fg at this x (bg pixels); skips the spatial search.")
    Double xShift;

    @Option(names = "--y-shift", paramLabel = "Y", description = "Place the fg at this y (bg pixels); skips the spatial search.")
    Double yShift;

    @Option(names = "--zero-shift", description = "Place the fg at the bg's top-left, scale 1; skips the spatial search.")
    boolean zeroShift;

    @Option(names = {"-w", "--window"}, paramLabel = "N", defaultValue = "0",
            description = "Half-width in bg frames of the temporal search band at full rate (0 = automatic).")
    int window;

    @Option(names = "--border", paramLabel = "N", defaultValue = "0",
            description = "Border mode: compare only a band N fg pixels wide inside the fg edges (0 = whole picture).")
    int border;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "dtw",
            description = "Temporal engine. Only 'dtw' (descriptor Viterbi/DTW) exists: no alternative has won a test.")
    String engine;

    @Option(names = "--no-cache", description = "Neither read nor store cached results.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where analyses are cached (default: $XDG_CACHE_HOME/vidkompy or ~/.cache/vidkompy).")
    Path cacheDir;

    @Option(names = "--gpu", paramLabel = "auto|on|off", defaultValue = "auto",
            description = "Run correlation and temporal costs on a CUDA GPU: auto (default) when one is usable, "
                    + "on (fail with exit code 1 if none is), off (CPU). One line on stderr says which runs and why.")
    String gpu;

    /**
     * Validates the options, makes the GPU choice (so the line "analysis on GPU/CPU: ..." comes first and
     * {@code --gpu on} without a GPU fails before any decoding) and returns the analysis options.
     */
    AnalysisOptions toOptions() {
        GpuMode mode;
        try {
            mode = GpuMode.parse(gpu);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!"dtw".equals(engine)) {
            throw new UsageException("unknown --engine '" + engine + "' (the only engine is 'dtw')");
        }
        OptionValues.whole("--align-precision", precision, 0, 4);
        OptionValues.whole("--window", window, 0, MAX_WINDOW);
        OptionValues.whole("--border", border, 0, MAX_BORDER);
        if (xShift != null) {
            OptionValues.finite("--x-shift", xShift, -MAX_SHIFT, MAX_SHIFT);
        }
        if (yShift != null) {
            OptionValues.finite("--y-shift", yShift, -MAX_SHIFT, MAX_SHIFT);
        }
        SpatialOptions s = SpatialOptions.defaults().withPrecision(precision).withUnscaled(unscaled);
        if (zeroShift) {
            s = s.withZeroShift();
        } else if (xShift != null || yShift != null) {
            s = s.withShift(xShift != null ? xShift : 0, yShift != null ? yShift : 0);
        }
        compute.choose(mode);
        return new AnalysisOptions(s, window, border);
    }

    AnalysisCache cache(Console console) {
        return noCache ? null : new AnalysisCache(cacheDir != null ? cacheDir : AnalysisCache.defaultDir(),
                w -> console.info("warning: " + w));
    }
}
