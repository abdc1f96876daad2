package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import org.vidkompy.align.AnalysisCache;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.cuda.GpuMode;
import org.vidkompy.spatial.SpatialOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The analysis options, shared by analyze, comp and check, with the names users of the original know. */
final class AnalysisOptionsMixin {

    /** Bounds no real video reaches (a 16K frame is 15360 px wide; an hour at 60 fps is 216,000 frames). */
    private static final double MAX_SHIFT = 100_000;
    private static final int MAX_WINDOW = 100_000;
    private static final int MAX_BORDER = 10_000;

    /** The mode the engine was built for, from {@link GpuArgument}; --gpu below must agree with it. */
    private final GpuMode engineMode;

    @Inject
    AnalysisOptionsMixin(GpuMode engineMode) {
        this.engineMode = engineMode;
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

    /** Declared for --help and checked while parsing; the engine was built for it before (see GpuArgument). */
    @Option(names = "--gpu", paramLabel = "auto|on|off", defaultValue = "auto", converter = GpuModeConverter.class,
            description = "Run correlation and temporal costs on a CUDA GPU: auto (default) when one is usable, "
                    + "on (fail with exit code 1 if none is), off (CPU). One line on stderr says which runs and why.")
    GpuMode gpu;

    /** Validates the options and returns the analysis options. */
    AnalysisOptions toOptions() {
        if (gpu != engineMode) {
            // Only an argument the early scan cannot see (an @file) gets here.
            throw new UsageException("--gpu " + gpu.label() + " must be given on the command line itself");
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
        return new AnalysisOptions(s, window, border);
    }

    AnalysisCache cache(Console console) {
        return noCache ? null : new AnalysisCache(cacheDir != null ? cacheDir : AnalysisCache.defaultDir(),
                w -> console.info("warning: " + w));
    }

    /** picocli's side of {@link GpuMode#parse}: a bad value is a usage error while parsing. */
    static final class GpuModeConverter implements ITypeConverter<GpuMode> {
        @Override
        public GpuMode convert(String value) {
            try {
                return GpuMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
