package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.vidkompy.io.OutputFile;
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

    private final PairJob job;

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
    AnalyzeCommand(PairJob job) {
        this.job = job;
    }

    @Override
    public void run() {
        Path bg = pair.bg();
        Path fg = pair.fg();
        Path out = output != null ? output : Path.of(OutputNames.stem(bg) + "_overlay_" + OutputNames.stem(fg) + ".align.json");
        try (OutputFile sidecar = job.claim(out, force, List.of(bg, fg))) {
            PairAnalysis.Outcome o = job.analyse(bg, fg, options.toOptions(), options.cache(job.console()));
            AlignmentFile.write(o.alignment(), sidecar);
            if (json) {
                job.console().result(AlignmentFile.toJson(o.alignment(), true));
            } else {
                job.console().result(Summary.of(o));
                job.console().result("sidecar: " + out);
            }
        }
    }
}
