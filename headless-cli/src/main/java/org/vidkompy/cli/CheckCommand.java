package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vidkompy.align.AlignmentComparison;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.align.PairAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Regression test: analyse BG and FG afresh (never from the cache) and compare with a stored "
                + "alignment. Exit 0 when every field is within tolerance, 1 with a report of what moved (which fg "
                + "frame ranges, by how much) when not."},
        footerHeading = "%nExample (in CI):%n",
        footer = {"  vidkompy check bg.mp4 fg.mp4 --expect golden.align.json --tolerance-px 0.25 || exit 1"})
final class CheckCommand implements java.util.concurrent.Callable<Integer> {

    private final PairJob job;
    private final Console console;

    @Mixin
    PairArguments pair;

    @Option(names = "--expect", required = true, paramLabel = "FILE", description = "The expected alignment sidecar.")
    Path expect;

    @Option(names = "--tolerance-frames", paramLabel = "N", defaultValue = "0",
            description = "How many bg frames a map entry may move (default ${DEFAULT-VALUE}).")
    int toleranceFrames;

    @Option(names = "--tolerance-px", paramLabel = "P", defaultValue = "0.5",
            description = "How many bg pixels x, y and the scaled fg's far edge may move (default ${DEFAULT-VALUE}).")
    double tolerancePx;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Mixin
    AnalysisOptionsMixin options;

    @Inject
    CheckCommand(PairJob job) {
        this.job = job;
        this.console = job.console();
    }

    @Override
    public Integer call() {
        Path bg = pair.bg();
        Path fg = pair.fg();
        InputFile.require(expect, "--expect");
        OptionValues.whole("--tolerance-frames", toleranceFrames, 0, Integer.MAX_VALUE);
        OptionValues.finite("--tolerance-px", tolerancePx, 0, 100_000);
        var expected = AlignmentFile.read(expect);
        PairAnalysis.Outcome o = job.analyse(bg, fg, options.toOptions(), null);
        AlignmentComparison c = AlignmentComparison.of(expected, o.alignment(), tolerancePx, toleranceFrames);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", c.withinTolerance());
            m.put("dx", c.dx());
            m.put("dy", c.dy());
            m.put("scaleShift", c.scaleShift());
            List<Map<String, Object>> moved = new ArrayList<>();
            for (AlignmentComparison.Moved mv : c.moved()) {
                moved.add(Map.of("first", mv.first(), "last", mv.last(), "maxFrames", mv.maxFrames()));
            }
            m.put("moved", moved);
            m.put("problems", c.problems());
            console.result(Json.write(m));
        } else if (c.withinTolerance()) {
            console.result(String.format("ok: within tolerance (dx %+.3f px, dy %+.3f px, all %d map entries within %d"
                    + " frames)", c.dx(), c.dy(), o.alignment().temporal().map().length, toleranceFrames));
        } else {
            console.result("FAILED: the alignment moved away from " + expect + ":");
            c.problems().forEach(p -> console.result("  " + p));
        }
        return c.withinTolerance() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
