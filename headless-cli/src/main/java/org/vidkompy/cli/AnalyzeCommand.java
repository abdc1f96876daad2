package org.vidkompy.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.List;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.align.PairAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Find where FG sits in BG (x, y, scale; sub-pixel) and which BG frame belongs under every FG "
                + "frame, and write the alignment sidecar (schema vidkompy.alignment/1). Results are cached by the "
                + "content of both files and the options; a second run of the same pair returns at once."})
final class AnalyzeCommand implements Runnable {

    private final Provider<PairAnalysis> analysis;
    private final VideoProbe probe;
    private final OutputPolicy outputs;
    private final Console console;

    @Mixin
    PairArguments pair;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Sidecar to write (default: {bg_stem}_overlay_{fg_stem}.align.json in the current folder).")
    Path output;

    @Option(names = "--json", description = "Also print the sidecar on stdout (instead of the summary).")
    boolean json;

    @Option(names = {"-f", "--force"}, description = "Replace an existing sidecar (a regular file, never an input).")
    boolean force;

    @Mixin
    AnalysisOptionsMixin options;

    @Inject
    AnalyzeCommand(VideoProbe probe, Provider<PairAnalysis> analysis, OutputPolicy outputs, Console console) {
        this.probe = probe;
        this.analysis = analysis;
        this.outputs = outputs;
        this.console = console;
    }

    @Override
    public void run() {
        pair.require();
        Path bg = pair.bg();
        Path fg = pair.fg();
        Path out = output != null ? output : Path.of(OutputNames.stem(bg) + "_overlay_" + OutputNames.stem(fg) + ".align.json");
        try (OutputFile sidecar = outputs.claim(out, force, List.of(bg, fg))) {
            PairArguments.Clips clips = pair.probe(probe);
            PairAnalysis.Outcome o = AnalysisRun.run(analysis, console, clips.bg(), clips.fg(), options.toOptions(),
                    options.cache(console));
            AlignmentFile.write(o.alignment(), sidecar);
            if (json) {
                console.result(AlignmentFile.toJson(o.alignment(), true));
            } else {
                console.result(Summary.of(o));
                console.result("sidecar: " + out);
            }
        }
    }
}
