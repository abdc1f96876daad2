package org.vidkompy.cli;

import java.nio.file.Path;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import picocli.CommandLine.Parameters;

/**
 * The BG FG positionals of every command that takes the pair (analyze, comp, render, check, align):
 * declared once so that every command has the same order, background first, and the same input check.
 */
final class PairArguments {

    @Parameters(index = "0", paramLabel = "BG",
            description = "Background: the video (for align also a picture) the FG is found in and drawn over.")
    Path bg;

    @Parameters(index = "1", paramLabel = "FG",
            description = "Foreground: the video (for align also a picture) to find in BG.")
    Path fg;

    /** Both inputs exist and are files, else a usage error (exit 2); called before any work. */
    void require() {
        InputFile.require(bg, "BG");
        InputFile.require(fg, "FG");
    }

    /** Both inputs as the job knows them: one demux pass each, passed on to the analysis and the render. */
    Clips probe(VideoProbe probe) {
        return new Clips(probe.probe(bg), probe.probe(fg));
    }

    record Clips(MediaClip bg, MediaClip fg) {
    }

    Path bg() {
        return bg;
    }

    Path fg() {
        return fg;
    }
}
