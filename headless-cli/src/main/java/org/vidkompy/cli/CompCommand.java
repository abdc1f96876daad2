package org.vidkompy.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.align.Analyzer;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.compose.Renderer;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;
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

    private final Provider<PairAnalysis> analysis;
    private final VideoProbe probe;
    private final Renderer renderer;
    private final OutputPolicy outputs;
    private final Console console;

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
    CompCommand(VideoProbe probe, Provider<PairAnalysis> analysis, Renderer renderer, OutputPolicy outputs,
                Console console) {
        this.probe = probe;
        this.analysis = analysis;
        this.renderer = renderer;
        this.outputs = outputs;
        this.console = console;
    }

    @Override
    public void run() {
        pair.require();
        Path bg = pair.bg();
        Path fg = pair.fg();
        if (alignment != null) {
            InputFile.require(alignment, "--alignment");
        }
        // Claimed before the analysis: a refusal costs nothing, and an interrupt finds the temporary file.
        try (OutputFile out = render.claim(outputs, bg, fg, alignment != null ? List.of(alignment) : List.of())) {
            long t0 = System.nanoTime();
            PairArguments.Clips clips = pair.probe(probe);
            Alignment a;
            Map<String, Object> analysisSummary = new LinkedHashMap<>();
            if (alignment != null) {
                a = AlignmentFile.read(alignment);
                analysisSummary.put("source", alignment.toString());
            } else {
                PairAnalysis.Outcome o = AnalysisRun.run(analysis, console, clips.bg(), clips.fg(), analysisOptions.toOptions(),
                        analysisOptions.cache(console));
                a = o.alignment();
                console.info(Summary.of(o));
                analysisSummary.put("source", o.fromCache() ? "cache" : "analysis");
                o.details().ifPresent(d -> {
                    Analyzer.Timings t = d.timings();
                    analysisSummary.put("sampling", t.sampling());
                    analysisSummary.put("scan", t.scan());
                    analysisSummary.put("spatial", t.spatial());
                    analysisSummary.put("temporal", t.temporal());
                });
            }
            analysisSummary.put("seconds", (System.nanoTime() - t0) / 1e9);
            analysisSummary.put("x", a.spatial().x());
            analysisSummary.put("y", a.spatial().y());
            analysisSummary.put("scale", a.spatial().scale());
            int total = a.temporal().map().length;
            RenderRun.renderAndReport(renderer, console, clips.bg(), clips.fg(), a, alignment, out, render.options(out.target()), total, json,
                    analysisSummary);
        }
    }
}
