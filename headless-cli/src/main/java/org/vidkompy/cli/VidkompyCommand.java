package org.vidkompy.cli;

import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "vidkompy",
        versionProvider = Version.class,
        mixinStandardHelpOptions = true,
        description = {"Finds where a foreground video (fg) sits inside a background video (bg) -- position, scale, and which bg frame belongs under every fg frame -- and overlays the fg on the time-remapped bg. The fg is the master: every fg frame is kept with its timing and audio.", ""},
        subcommands = {AnalyzeCommand.class, AlignCommand.class, RenderCommand.class, ProbeCommand.class,
            DemoCommand.class, BenchCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vidkompy demo                     generate a pair with known truth and process it",
            "  vidkompy probe clip.mp4 --json    what a file holds, for scripts",
            "",
            "Exit codes: 0 success, 1 processing failed (bad or damaged input, write error),",
            "2 usage error (unknown option, missing argument, input that does not exist)."})
public final class VidkompyCommand implements Runnable {

    private final Console console;

    @Inject
    VidkompyCommand(Console console) {
        this.console = console;
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only results and errors (no progress, no chatter).")
    void quiet(boolean q) {
        if (q) {
            console.level(Console.Level.QUIET);
        }
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Explain each step; show FFmpeg's messages and stack traces on errors.")
    void verbose(boolean v) {
        if (v) {
            console.level(Console.Level.VERBOSE);
            org.vidkompy.io.FFmpegLogging.verbose(true);
        }
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "a command is needed: probe, demo (see --help)");
    }
}
