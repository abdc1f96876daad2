package org.vidkompy.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vidkompy.align.AnalysisCache;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.align.ShiftGuess;
import org.vidkompy.compose.RenderCheck;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.compose.RenderResult;
import org.vidkompy.compose.Renderer;
import org.vidkompy.compose.StageTime;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.media.Alignment;
import org.vidkompy.spatial.NoMatchException;

/**
 * The steps of a job on a bg/fg pair as the command line runs them, each reported on the console:
 * claim the output (before any work, so a refusal costs nothing and an interrupt finds it), probe
 * both inputs once, analyse, render. The clips probed here travel to the analysis and the render;
 * nothing reads a file again to learn what the probe learned. Commands inject this one object.
 */
final class PairJob {

    private final VideoProbe probe;
    private final Provider<PairAnalysis> analysis;
    private final Renderer renderer;
    private final OutputPolicy outputs;
    private final Console console;

    @Inject
    PairJob(VideoProbe probe, Provider<PairAnalysis> analysis, Renderer renderer, OutputPolicy outputs,
            Console console) {
        this.probe = probe;
        this.analysis = analysis;
        this.renderer = renderer;
        this.outputs = outputs;
        this.console = console;
    }

    /** Both inputs as the job knows them: one demux pass each. */
    record Clips(MediaClip bg, MediaClip fg) {
    }

    Console console() {
        return console;
    }

    OutputFile claim(Path output, boolean force, List<Path> inputs) {
        return outputs.claim(output, force, inputs);
    }

    /** A new or empty folder for a job that writes several files of fixed names (a generated pair). */
    Path freshFolder(Path dir) {
        return outputs.freshFolder(dir);
    }

    /** The clips an analysis probed, for the render that follows it. */
    static Clips clipsOf(PairAnalysis.Outcome o) {
        return new Clips(o.background(), o.foreground());
    }

    /** Both inputs, the fg {@link MediaClip#placedOn placed on} the bg (in the bg's pixels). */
    Clips probe(Path bg, Path fg) {
        MediaClip b = probe.probe(bg);
        return new Clips(b, probe.probe(fg).placedOn(b));
    }

    /**
     * Probes both inputs and analyses them with progress on the console; "not found" becomes the
     * one-line error users see. The analysis is provisioned first, after the options were read and
     * before any file is opened: that is when the engine chooses CPU or GPU (one line, or
     * {@code --gpu on}'s failure), so commands that never analyse never probe for a GPU. The
     * outcome carries the probed clips on to the render.
     */
    PairAnalysis.Outcome analyse(Path bg, Path fg, AnalysisOptions options, AnalysisCache cache) {
        return analyse(probeToAnalyse(bg, fg), options, cache);
    }

    /**
     * Both inputs probed for an analysis: the analysis is provisioned first (CPU or GPU, and its one
     * line), before any file is opened.
     */
    Clips probeToAnalyse(Path bg, Path fg) {
        analysis.get();
        return probe(bg, fg);
    }

    /** As {@link #analyse(Path, Path, AnalysisOptions, AnalysisCache)}, for clips {@link #probeToAnalyse probed}. */
    PairAnalysis.Outcome analyse(Clips clips, AnalysisOptions options, AnalysisCache cache) {
        PairAnalysis engine = analysis.get();
        try (ConsoleProgress p = new ConsoleProgress(console)) {
            return engine.run(clips.bg(), clips.fg(), options, cache, p, w -> console.info("warning: " + w));
        } catch (NoMatchException e) {
            throw new MediaException(clips.fg().path(), "not found in " + clips.bg().path() + ": " + e.getMessage());
        }
    }

    /** comp's look at a few seconds of the fg, where the pair may be one shifted clip ({@link ShiftGuess}). */
    Optional<ShiftGuess.Guess> guess(Clips clips, AnalysisOptions options, AnalysisCache cache) {
        PairAnalysis engine = analysis.get();
        try (ConsoleProgress p = new ConsoleProgress(console)) {
            return engine.guess(clips.bg(), clips.fg(), options, cache, p);
        }
    }

    /** Keeps an alignment the render checked, as {@code analyse} keeps its results. */
    void remember(Clips clips, AnalysisOptions options, AnalysisCache cache, Alignment a) {
        analysis.get().remember(clips.bg(), clips.fg(), options, cache, a);
    }

    /**
     * Renders with a progress bar.
     *
     * @param sidecar where the alignment came from, for messages (may be null)
     */
    RenderResult render(Clips clips, Alignment a, Path sidecar, OutputFile out, RenderOptions options) {
        return render(clips, a, sidecar, out, options, RenderCheck.NONE, () -> { });
    }

    /**
     * As {@link #render(Clips, Alignment, Path, OutputFile, RenderOptions)}, every frame pair shown to a
     * check; {@code underway} runs once, when the first frame is written.
     */
    RenderResult render(Clips clips, Alignment a, Path sidecar, OutputFile out, RenderOptions options,
                        RenderCheck check, Runnable underway) {
        int total = options.frames() != null ? options.frames().length() : a.temporal().map().length;
        console.info("Rendering " + total + " frames to " + out.target() + " ...");
        try (ProgressBar bar = console.progress("render", total)) {
            return renderer.render(clips.bg(), clips.fg(), a, sidecar, out, options, (done, n) -> {
                if (done == 1) {
                    underway.run();
                }
                bar.update(done);
            }, check);
        }
    }

    /**
     * Reports a render, as text or as the --json summary.
     *
     * @param summary what comp adds to the --json summary (may be null)
     */
    void report(RenderResult r, boolean json, Map<String, Object> summary) {
        if (json) {
            console.result(Json.write(summary(r, summary)));
            return;
        }
        console.info(String.format("%d frames in %.1f s (%.0f fps), %d-bit, audio: %s", r.frames(), r.seconds(),
                r.fps(), r.bitDepth(), r.audio()));
        for (StageTime s : r.stages()) {
            console.detail(String.format("  %-10s %.2f s wall, %.2f s busy", s.stage(), s.wallSeconds(),
                    s.busySeconds()));
        }
        if (r.padded()) {
            console.info(r.paddingNote());
        }
        console.result("output: " + r.output());
    }

    static Map<String, Object> summary(RenderResult r, Map<String, Object> analysis) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (analysis != null) {
            m.put("analysis", analysis);
        }
        m.put("output", r.output().toString());
        m.put("frames", r.frames());
        m.put("range", List.of(r.range().first(), r.range().last()));
        m.put("seconds", r.seconds());
        m.put("fps", r.fps());
        m.put("setupSeconds", r.setupSeconds());
        m.put("audio", r.audio());
        m.put("audioStart", r.audioStart());
        m.put("width", r.width());
        m.put("height", r.height());
        m.put("padded", r.padded());
        m.put("bitDepth", r.bitDepth());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageTime s : r.stages()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("stage", s.stage());
            sm.put("wallSeconds", s.wallSeconds());
            sm.put("busySeconds", s.busySeconds());
            stages.add(sm);
        }
        m.put("stages", stages);
        return m;
    }
}
