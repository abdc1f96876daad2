package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vidkompy.io.OutputFile;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.compose.RenderResult;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairGenerator;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.Scene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a fg/bg pair with known truth (a 320x180 moving scene and a 160x90 window cut from "
                + "it at a sub-pixel offset, starting 1.2 s later, both with audio), run the whole job (comp) on it, "
                + "and report how far the found alignment is from the truth. Prints where it wrote everything."})
final class DemoCommand implements Runnable {

    private final PairJob job;
    private final Console console;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "vidkompy-demo",
            description = "Folder for the pair, the alignment and the output (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Inject
    DemoCommand(PairJob job) {
        this.job = job;
        this.console = job.console();
    }

    @Override
    public void run() {
        PairSpec spec = PairSpec.demo();
        GeneratedPair pair;
        try {
            // A fresh folder: the demo's file names are fixed, so it must not meet anybody's files.
            job.freshFolder(dir);
            console.info("Generating a pair with known truth in " + dir + " ...");
            pair = new PairGenerator().generate(spec, dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(dir + ": cannot write the demo pair (" + e.getMessage() + ")", e);
        }
        console.result("background: " + pair.background());
        console.result("foreground: " + pair.foreground());
        console.result("truth:      " + pair.truth() + String.format(" (fg at x=%.1f y=%.1f scale %.2f, fg frame 0 = bg"
                + " frame %d)", spec.x(), spec.y(), spec.scale(), spec.map()[0]));

        PairAnalysis.Outcome o = job.analyse(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null);
        Alignment a = o.alignment();
        Path sidecar = dir.resolve("bg_overlay_fg.align.json");
        AlignmentFile.write(a, sidecar);
        console.result("alignment:  " + sidecar + String.format(" (found x=%.2f y=%.2f scale %.4f)", a.spatial().x(),
                a.spatial().y(), a.spatial().scale()));
        console.result("error:      " + errorAgainstTruth(spec, a));

        Path out = dir.resolve(OutputNames.overlay(pair.background(), pair.foreground()));
        try (OutputFile claimed = job.claim(out, false, List.of(pair.background(), pair.foreground(), sidecar))) {
            RenderResult r = job.render(PairJob.clipsOf(o), a, sidecar, claimed, RenderOptions.to(out));
            console.result(String.format("output:     %s (%d frames, audio: %s)", out, r.frames(), r.audio()));
        }
    }

    /** Spatial error in pixels and the share of fg frames on the true bg frame (or one identical to it). */
    static String errorAgainstTruth(PairSpec spec, Alignment a) {
        Scene scene = new Scene(spec.seed(), spec.bgWidth(), spec.bgHeight(), spec.staticFrom(), spec.staticTo());
        int[] map = a.temporal().map();
        int[] truth = spec.map();
        int exact = 0;
        int worst = 0;
        for (int i = 0; i < Math.min(map.length, truth.length); i++) {
            if (map[i] == truth[i] || scene.sceneTime(map[i]) == scene.sceneTime(truth[i])) {
                exact++;
            } else {
                worst = Math.max(worst, Math.abs(map[i] - truth[i]));
            }
        }
        return String.format("position off by %.3f px (dx %+.3f, dy %+.3f), scale by %+.3f%%; %d of %d fg frames on the"
                        + " true bg frame, worst off by %d", Math.hypot(a.spatial().x() - spec.x(), a.spatial().y() - spec.y()),
                a.spatial().x() - spec.x(), a.spatial().y() - spec.y(), 100 * (a.spatial().scale() / spec.scale() - 1),
                exact, truth.length, worst);
    }
}
