package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.Analyzer;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.io.NativeHeap;
import org.vidkompy.io.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "comp", mixinStandardHelpOptions = true,
        description = {"The whole job: find where FG sits in BG and which BG frame belongs under every FG frame "
                + "(exactly what 'analyze' does, with its cache), then render every FG frame over its BG frame "
                + "(exactly what 'render' does). The output has the BG's size and the FG's frames, timestamps and "
                + "audio (or, if the FG has none, the BG's audio from the matching moment)."},
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
            PairJob.Clips clips;
            Alignment a;
            Map<String, Object> analysisSummary = new LinkedHashMap<>();
            if (alignment != null) {
                a = AlignmentFile.read(alignment);
                clips = job.probe(bg, fg);
                analysisSummary.put("source", alignment.toString());
            } else {
                PairAnalysis.Outcome o = job.analyse(bg, fg, options, analysisOptions.cache(job.console()));
                a = o.alignment();
                clips = PairJob.clipsOf(o);
                job.console().info(Summary.of(o));
                analysisSummary.put("source", o.fromCache() ? "cache" : "analysis");
                o.details().ifPresent(d -> {
                    Analyzer.Timings t = d.timings();
                    analysisSummary.put("sampling", t.sampling());
                    analysisSummary.put("scan", t.scan());
                    analysisSummary.put("spatial", t.spatial());
                    analysisSummary.put("temporal", t.temporal());
                    analysisSummary.put("look", t.look());
                    analysisSummary.put("windowsNotTaken", t.windowsNotTaken());
                    analysisSummary.put("referenceNotTaken", t.referenceNotTaken());
                    analysisSummary.put("bgReferenceFrames", d.bgReferenceFrames());
                });
            }
            if (alignment == null) {
                // The analysis's thumbnails (hundreds of MB on long clips) are garbage now, but the heap
                // they grew stays committed through the whole render unless a full collection returns it
                // (the launcher's MaxHeapFreeRatio): measured on a 10-minute 1080p pair, peak RSS 990 MB
                // in the render without this.
                System.gc();
                // The decoders' freed buffers stay in malloc's arenas unless given back (27 MB of the
                // 1080p pair's comp at medium: 616 MB peak RSS without, 589 MB with).
                NativeHeap.trim();
            }
            analysisSummary.put("seconds", (System.nanoTime() - t0) / 1e9);
            analysisSummary.put("x", a.spatial().x());
            analysisSummary.put("y", a.spatial().y());
            analysisSummary.put("scale", a.spatial().scale());
            job.report(job.render(clips, a, alignment, out, render.options(out.target())), json, analysisSummary);
        }
    }
}
