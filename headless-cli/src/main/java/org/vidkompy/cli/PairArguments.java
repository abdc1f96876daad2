package org.vidkompy.cli;

import java.nio.file.Path;
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

    /** The bg, checked to be an existing regular file (else a usage error, exit 2) before any work. */
    Path bg() {
        return InputFile.require(bg, "BG");
    }

    /** The fg, checked like {@link #bg()}. */
    Path fg() {
        return InputFile.require(fg, "FG");
    }
}
