package org.vidkompy.cli;

import org.vidkompy.media.FrameRange;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.compose.Renderer;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render the fg over the time-remapped bg from an alignment sidecar, without analysis: bg resolution, one output frame per fg frame with the fg's timestamps, the fg's audio (else the bg's from the matching moment). H.264 in MP4.",
            "",
            "Chunks for a render farm: --frames A-B renders fg frames A..B (inclusive) exactly as the full render has them, with timestamps from 0; render the chunks with --no-audio and join them by stream copy (org.vidkompy.io.MediaJoiner, or ffmpeg's concat demuxer with -c copy), adding the fg's audio there."})
final class RenderCommand implements Runnable {

    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");

    private final VideoProbe probe;
    private final Renderer renderer;
    private final OutputPolicy outputs;
    private final Console console;

    @Mixin
    PairArguments pair;

    @Option(names = {"-a", "--alignment"}, required = true, paramLabel = "FILE",
            description = "Alignment sidecar (vidkompy.alignment/1 JSON) for these two files.")
    Path alignment;


    @Option(names = "--frames", paramLabel = "A-B",
            description = "Render only fg frames A to B (0-based, inclusive).")
    String frames;







    @Option(names = "--json", description = "Print a summary with per-stage times as JSON.")
    boolean json;

    @Mixin
    RenderOptionsMixin render;

    @Inject
    RenderCommand(VideoProbe probe, Renderer renderer, OutputPolicy outputs, Console console) {
        this.probe = probe;
        this.renderer = renderer;
        this.outputs = outputs;
        this.console = console;
    }

    @Override
    public void run() {
        pair.require();
        Path bg = pair.bg();
        Path fg = pair.fg();
        InputFile.require(alignment, "--alignment");
        try (OutputFile out = render.claim(outputs, bg, fg, List.of(alignment))) {
            Alignment a = AlignmentFile.read(alignment);
            FrameRange range = parseRange(frames, a.temporal().map().length);
            RenderOptions options = render.options(out.target()).withFrames(range);
            int total = range != null ? range.length() : a.temporal().map().length;
            PairArguments.Clips clips = pair.probe(probe);
            RenderRun.renderAndReport(renderer, console, clips.bg(), clips.fg(), a, alignment, out, options, total,
                    json, null);
        }
    }

    static FrameRange parseRange(String text, int fgFrames) {
        if (text == null) {
            return null;
        }
        Matcher m = RANGE.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("--frames wants A-B (fg frame numbers from 0, inclusive), got '" + text + "'");
        }
        int first;
        int last;
        try {
            first = Integer.parseInt(m.group(1));
            last = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            throw new UsageException("--frames: number too large in '" + text + "'");
        }
        if (last < first) {
            throw new UsageException("--frames " + text + ": the last frame comes before the first");
        }
        if (last >= fgFrames) {
            throw new UsageException("--frames " + text + ": the fg has frames 0-" + (fgFrames - 1));
        }
        return new FrameRange(first, last);
    }


}
