package org.vidkompy.align;

import org.vidkompy.media.Clip;
import org.vidkompy.media.Alignment;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.vidkompy.io.VideoInfo;
import org.vidkompy.io.VideoProbe;

/** Analysis of two files, with the result cache in front: what {@code analyze}, {@code comp} and {@code check} run. */
public final class PairAnalysis {

    private final VideoProbe probe;
    private final Analyzer analyzer;

    @Inject
    public PairAnalysis(VideoProbe probe, Analyzer analyzer) {
        this.probe = probe;
        this.analyzer = analyzer;
    }

    /** The result, where it came from, and the detail of a fresh run (empty when cached). */
    public record Outcome(Alignment alignment, boolean fromCache, Optional<Analyzer.Result> details,
                          VideoInfo background, VideoInfo foreground) {
    }

    /**
     * @param cache null to neither read nor write the cache
     * @param warn  where unusable cache entries and similar problems are reported
     */
    public Outcome run(Path bg, Path fg, AnalysisOptions options, AnalysisCache cache, AnalysisProgress progress,
                       Consumer<String> warn) {
        VideoInfo bi = probe.probe(bg);
        VideoInfo fi = probe.probe(fg);
        FfmpegClipSource bs = new FfmpegClipSource(bi);
        FfmpegClipSource fs = new FfmpegClipSource(fi);
        String key = null;
        if (cache != null) {
            key = cache.key(bg, fg, options);
            Optional<Alignment> hit = cache.get(key, bs.info(), fs.info());
            if (hit.isPresent()) {
                return new Outcome(withPaths(hit.get(), bg, fg), true, Optional.empty(), bi, fi);
            }
        }
        Analyzer.Result r = analyzer.analyze(bs, fs, options, progress);
        if (cache != null) {
            cache.put(key, r.alignment());
        }
        return new Outcome(r.alignment(), false, Optional.of(r), bi, fi);
    }

    /** A cached result was made for files with the same content, perhaps under other names. */
    private static Alignment withPaths(Alignment a, Path bg, Path fg) {
        Clip b = a.background();
        Clip f = a.foreground();
        return new Alignment(new Clip(bg.toString(), b.width(), b.height(), b.fps(), b.frames()),
                new Clip(fg.toString(), f.width(), f.height(), f.fps(), f.frames()), a.spatial(), a.temporal());
    }
}
