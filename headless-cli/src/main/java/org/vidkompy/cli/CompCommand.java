package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.Analyzer;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.align.AnalysisCache;
import org.vidkompy.align.ShiftCheck;
import org.vidkompy.align.ShiftGuess;
import org.vidkompy.compose.RenderCheck;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.compose.RenderResult;
import org.vidkompy.io.NativeHeap;
import org.vidkompy.io.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "comp", mixinStandardHelpOptions = true,
        description = {"The whole job: find where FG sits in BG and which BG frame belongs under every FG frame "
                + "(exactly what 'analyze' does, with its cache), then render every FG frame over its BG frame "
                + "(exactly what 'render' does). The output has the BG's size and the FG's frames, timestamps and "
                + "audio (or, if the FG has none, the BG's audio from the matching moment).",
            "Where FG is BG shifted by whole frames at one constant rate (a crop, an inset, a regrade), a look at "
                + "a few seconds finds the shift and the render checks every frame as it decodes it: both files "
                + "are decoded once. Where the shift does not hold, nothing is written; every frame is analysed "
                + "and the render runs again."},
        footerHeading = "%nExamples:%n",
        footer = {"  vidkompy comp bg.mp4 fg.mp4                      writes bg_overlay_fg.mp4 here",
            "  vidkompy comp bg.mp4 fg.mp4 --smooth -m 16 -o out.mp4",
            "  vidkompy comp bg.mp4 fg.mp4 --alignment a.json   render from a stored analysis"})
final class CompCommand implements Runnable {

    private final PairJob job;

    @Mixin
    PairArguments pair;

    @Option(names = {"-a", "--alignment"}, paramLabel = "FILE",
            description = "Use this alignment sidecar instead of analysing.")
    Path alignment;

    @Option(names = "--json", description = "Print a summary with per-stage times as JSON.")
    boolean json;

    @Mixin
    AnalysisOptionsMixin analysisOptions;

    @Mixin
    RenderOptionsMixin render;

    @Inject
    CompCommand(PairJob job) {
        this.job = job;
    }

    @Override
    public void run() {
        Path bg = pair.bg();
        Path fg = pair.fg();
        if (alignment != null) {
            InputFile.require(alignment, "--alignment");
        }
        AnalysisOptions options = alignment == null ? analysisOptions.toOptions() : null;
        // Claimed before the analysis: a refusal costs nothing, and an interrupt finds the temporary file.
        try (OutputFile out = render.claim(job, bg, fg, alignment != null ? List.of(alignment) : List.of())) {
            long t0 = System.nanoTime();
            RenderOptions renderOptions = render.options(out.target());
            PairJob.Clips clips;
            Alignment a;
            Map<String, Object> analysisSummary = new LinkedHashMap<>();
            if (alignment != null) {
                a = AlignmentFile.read(alignment);
                clips = job.probe(bg, fg);
                analysisSummary.put("source", alignment.toString());
            } else {
                AnalysisCache cache = analysisOptions.cache(job.console());
                clips = job.probeToAnalyse(bg, fg);
                if (renderOptions.frames() == null) {
                    RenderResult r = renderChecked(clips, options, cache, out, renderOptions, analysisSummary, t0);
                    if (r != null) {
                        job.report(r, json, analysisSummary);
                        return;
                    }
                }
                PairAnalysis.Outcome o = job.analyse(clips, options, cache);
                a = o.alignment();
                job.console().info(Summary.of(o));
                analysisSummary.put("source", o.fromCache() ? "cache" : "analysis");
                o.details().ifPresent(d -> {
                    Analyzer.Timings t = d.timings();
                    putStages(analysisSummary, t);
                    analysisSummary.put("look", t.look());
                    analysisSummary.put("windowsNotTaken", t.windowsNotTaken());
                    analysisSummary.put("referenceNotTaken", t.referenceNotTaken());
                    analysisSummary.put("bgReferenceFrames", d.bgReferenceFrames());
                });
                freeAnalysis();
            }
            analysisSummary.put("seconds", (System.nanoTime() - t0) / 1e9);
            putPlacement(analysisSummary, a);
            job.report(job.render(clips, a, alignment, out, renderOptions, RenderCheck.NONE,
                    alignment == null ? CompCommand::freeAnalysis : () -> { }), json, analysisSummary);
        }
    }

    /**
     * Where the pair may be one clip shifted in time ({@link ShiftGuess}): renders the shift found on the
     * fg's middle seconds with a check of every frame pair. Null where there was no guess or the check
     * refused it (nothing published; the caller analyses all frames and renders again).
     */
    private RenderResult renderChecked(PairJob.Clips clips, AnalysisOptions options, AnalysisCache cache,
                                       OutputFile out, RenderOptions renderOptions, Map<String, Object> summary,
                                       long t0) {
        Optional<ShiftGuess.Guess> g = job.guess(clips, options, cache);
        if (g.isEmpty()) {
            return null;
        }
        ShiftGuess.Guess guess = g.get();
        job.console().info(Summary.of(guess));
        freeAnalysis();
        double looked = (System.nanoTime() - t0) / 1e9;
        ShiftCheck check = guess.check();
        long t1 = System.nanoTime();
        try {
            RenderResult r = job.render(clips, guess.alignment(), null, out, renderOptions, check,
                    CompCommand::freeAnalysis);
            Alignment a = check.checked();
            job.remember(clips, options, cache, a);
            job.console().info(String.format("checked:  every fg frame is bg frame + %d (confidence %.3f)",
                    guess.shift(), a.temporal().confidence()));
            summary.put("source", "shift");
            summary.put("seconds", looked);
            putStages(summary, guess.timings());
            summary.put("shift", guess.shift());
            summary.put("fgFramesLooked", guess.fgFramesLooked());
            summary.put("bgFramesLooked", guess.bgFramesLooked());
            putPlacement(summary, a);
            return r;
        } catch (RenderCheck.Refused e) {
            job.console().info("the shift does not hold (" + e.getMessage() + "): analysing every frame");
            summary.put("shiftRefused", e.getMessage());
            summary.put("shiftRenderSeconds", (System.nanoTime() - t1) / 1e9);
            return null;
        }
    }

    private static void putStages(Map<String, Object> summary, Analyzer.Timings t) {
        summary.put("sampling", t.sampling());
        summary.put("scan", t.scan());
        summary.put("spatial", t.spatial());
        summary.put("temporal", t.temporal());
    }

    private static void putPlacement(Map<String, Object> summary, Alignment a) {
        summary.put("x", a.spatial().x());
        summary.put("y", a.spatial().y());
        summary.put("scale", a.spatial().scale());
    }

    /**
     * The analysis's thumbnails (hundreds of MB on long clips) are garbage now, but the heap they grew
     * stays committed through the whole render unless a full collection returns it (the launcher's
     * MaxHeapFreeRatio): measured on a 10-minute 1080p pair, peak RSS 990 MB in the render without this.
     * The decoders' freed buffers stay in malloc's arenas unless given back (27 MB of the 1080p pair's
     * comp at medium: 616 MB peak RSS without, 589 MB with). It runs again once the render has written
     * its first frame: a collection the moment the analysis returns sometimes still finds some of its
     * arrays held (10-minute pair: 14 MB live after it in some runs, 4-5 MB in others and in one made a
     * moment later), and the heap it sizes for them stays committed through the whole render.
     */
    private static void freeAnalysis() {
        System.gc();
        NativeHeap.trim();
    }
}
