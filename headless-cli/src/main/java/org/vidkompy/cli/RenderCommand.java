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
import org.vidkompy.io.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render the fg over the time-remapped bg from an alignment sidecar, without analysis: bg resolution, one output frame per fg frame with the fg's timestamps, the fg's audio (else the bg's from the matching moment). H.264 in MP4.",
            "",
            "Chunks for a render farm: --frames A-B renders fg frames A..B (inclusive) exactly as the full render has them, with timestamps from 0; render the chunks with --no-audio and join them by stream copy (org.vidkompy.io.MediaJoiner, or ffmpeg's concat demuxer with -c copy), adding the fg's audio there."})
final class RenderCommand implements Runnable {

    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");

    private final PairJob job;

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
    RenderCommand(PairJob job) {
        this.job = job;
    }

    @Override
    public void run() {
        Path bg = pair.bg();
        Path fg = pair.fg();
        InputFile.require(alignment, "--alignment");
        try (OutputFile out = render.claim(job, bg, fg, List.of(alignment))) {
            Alignment a = AlignmentFile.read(alignment);
            FrameRange range = parseRange(frames, a.temporal().map().length);
            RenderOptions options = render.options(out.target()).withFrames(range);
            job.report(job.render(job.probe(bg, fg), a, alignment, out, options), json, null);
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
