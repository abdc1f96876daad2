package org.vidkompy.align;

import org.vidkompy.media.FfmpegClipSource;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Alignment;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;

/** Analysis of two files, with the result cache in front: what {@code analyze}, {@code comp} and {@code check} run. */
public final class PairAnalysis {

    private final VideoProbe probe;
    private final Analyzer analyzer;
    private final ShiftGuess shifts;

    @Inject
    public PairAnalysis(VideoProbe probe, Analyzer analyzer, ShiftGuess shifts) {
        this.probe = probe;
        this.analyzer = analyzer;
        this.shifts = shifts;
    }

    /** The result, where it came from, and the detail of a fresh run (empty when cached). */
    public record Outcome(Alignment alignment, boolean fromCache, Optional<Analyzer.Result> details,
                          MediaClip background, MediaClip foreground) {
    }

    /** Probes both files and runs: for callers without a job of their own (tests, tools). */
    public Outcome run(Path bg, Path fg, AnalysisOptions options, AnalysisCache cache, AnalysisProgress progress,
                       Consumer<String> warn) {
        return run(probe.probe(bg), probe.probe(fg), options, cache, progress, warn);
    }

    /**
     * Analyses the job's clips, probed once by the face and passed on to the render. The fg is
     * analysed {@link MediaClip#placedOn placed on} the bg: the placement is in the bg's pixels.
     *
     * @param cache null to neither read nor write the cache
     * @param warn  where unusable cache entries and similar problems are reported
     */
    public Outcome run(MediaClip bg, MediaClip fg, AnalysisOptions options, AnalysisCache cache,
                       AnalysisProgress progress, Consumer<String> warn) {
        fg = fg.placedOn(bg);
        FfmpegClipSource bs = new FfmpegClipSource(bg);
        FfmpegClipSource fs = fgSource(fg);
        String key = null;
        if (cache != null) {
            key = cache.key(bg.path(), fg.path(), options);
            Optional<Alignment> hit = cache.get(key, bs.info(), fs.info());
            if (hit.isPresent()) {
                return new Outcome(withPaths(hit.get(), bg.path(), fg.path()), true, Optional.empty(), bg, fg);
            }
        }
        Analyzer.Result r = analyzer.analyze(bs, fs, options, progress);
        if (cache != null) {
            cache.put(key, r.alignment());
        }
        return new Outcome(r.alignment(), false, Optional.of(r), bg, fg);
    }

    /**
     * For {@code comp}: the shift and placement of a few seconds of the fg, to render with a check
     * ({@link ShiftGuess}). Empty where the cache holds the pair (then {@link #run} answers at once) or
     * the pair is not one shifted clip.
     */
    public Optional<ShiftGuess.Guess> guess(MediaClip bg, MediaClip fg, AnalysisOptions options, AnalysisCache cache,
                                            AnalysisProgress progress) {
        FfmpegClipSource bs = new FfmpegClipSource(bg);
        FfmpegClipSource fs = fgSource(fg.placedOn(bg));
        if (cache != null && cache.get(cache.key(bg.path(), fg.path(), options), bs.info(), fs.info()).isPresent()) {
            return Optional.empty();
        }
        return shifts.guess(bs, fs, options, progress);
    }

    /** Keeps an alignment a render checked ({@link ShiftCheck}) as an analysis' result is kept. */
    public void remember(MediaClip bg, MediaClip fg, AnalysisOptions options, AnalysisCache cache, Alignment a) {
        if (cache != null) {
            cache.put(cache.key(bg.path(), fg.path(), options), a);
        }
    }

    private static FfmpegClipSource fgSource(MediaClip fg) {
        return ScanPlan.deblocksFg(fg) ? FfmpegClipSource.reference(fg) : new FfmpegClipSource(fg);
    }

    /** A cached result was made for files with the same content, perhaps under other names. */
    private static Alignment withPaths(Alignment a, Path bg, Path fg) {
        Clip b = a.background();
        Clip f = a.foreground();
        return new Alignment(new Clip(bg.toString(), b.width(), b.height(), b.fps(), b.frames()),
                new Clip(fg.toString(), f.width(), f.height(), f.fps(), f.frames()), a.spatial(), a.temporal());
    }
}
