package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import org.vidkompy.io.AudioSource;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.VideoInfo;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairGenerator;
import org.vidkompy.synth.PairSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a fg/bg pair with known truth (a 320x180 moving scene and a 160x90 window cut from it at a sub-pixel offset, starting 1.2 s later, both with audio) and run the main job on it. Prints where it wrote the pair and the result."})
final class DemoCommand implements Runnable {

    private final VideoProbe probe;
    private final Console console;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "vidkompy-demo",
            description = "Folder for the pair and the output (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Inject
    DemoCommand(VideoProbe probe, Console console) {
        this.probe = probe;
        this.console = console;
    }

    @Override
    public void run() {
        PairSpec spec = PairSpec.demo();
        GeneratedPair pair;
        try {
            console.info("Generating a pair with known truth in " + dir + " ...");
            pair = new PairGenerator().generate(spec, dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(dir + ": cannot write the demo pair (" + e.getMessage() + ")", e);
        }
        console.result("background: " + pair.background());
        console.result("foreground: " + pair.foreground());
        console.result("truth:      " + pair.truth() + String.format(" (fg at x=%.1f y=%.1f scale %.2f, fg frame 0 = bg"
                + " frame %d)", spec.x(), spec.y(), spec.scale(), spec.map()[0]));
        Path out = dir.resolve(OutputNames.overlay(pair.background(), pair.foreground()));
        roundTrip(pair, out);
        console.result("output:     " + out);
    }

    /** The main job until composition lands: probe both, decode the fg, re-encode it with its audio. */
    private void roundTrip(GeneratedPair pair, Path out) {
        VideoInfo bg = probe.probe(pair.background());
        VideoInfo fg = probe.probe(pair.foreground());
        console.detail("bg: " + bg);
        console.detail("fg: " + fg);
        try (FrameReader r = FrameReader.open(fg.path(), ReaderOptions.of(FrameFormat.of(PixelLayout.RGB24,
                fg.width(), fg.height())));
             VideoWriter w = VideoWriter.create(out, WriterOptions.of(fg.width(), fg.height(), fg.nominalFps())
                     .withTimeBase(r.timeBase()).withAudio(fg.hasAudio() ? AudioSource.of(fg.path()) : null));
             ProgressBar bar = console.progress("round trip", fg.frameCount())) {
            while (r.next()) {
                w.write(r.output(0).pixels(), r.pts());
                bar.step();
            }
            w.finish();
        }
    }
}
