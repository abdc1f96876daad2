package org.vidkompy.cli;

import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "vidkompy",
        versionProvider = Version.class,
        mixinStandardHelpOptions = true,
        description = {"Finds where a foreground video (fg) sits inside a background video (bg) -- position, scale, and which bg frame belongs under every fg frame -- and overlays the fg on the time-remapped bg. The fg is the master: every fg frame is kept with its timing and audio.", ""},
        subcommands = {CompCommand.class, AnalyzeCommand.class, AlignCommand.class, RenderCommand.class, JoinCommand.class, CheckCommand.class,
            ProbeCommand.class,
            DemoCommand.class, BenchCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vidkompy comp bg.mp4 fg.mp4                 analyse and render: bg_overlay_fg.mp4",
            "  vidkompy analyze bg.mp4 fg.mp4 -o a.json    only the alignment (JSON sidecar)",
            "  vidkompy render bg.mp4 fg.mp4 -a a.json     render from a sidecar (--frames A-B for farms)",
            "  vidkompy check bg.mp4 fg.mp4 --expect a.json  regression test against a stored alignment",
            "  vidkompy align screen.png inset.png         find a picture inside another",
            "  vidkompy demo                               generate a pair with known truth and process it",
            "",
            "Exit codes: 0 success, 1 processing failed (bad or damaged input, no match, write error,",
            "check out of tolerance, damaged sidecar, internal error), 2 usage error (unknown option, bad option value,",
            "missing argument, an input that is missing or not a regular file)."})
public final class VidkompyCommand implements java.util.concurrent.Callable<Integer> {

    private final Console console;

    @Spec
    CommandSpec spec;

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

    /** No command named: what there is to run, on stderr, as a usage error. */
    @Override
    public Integer call() {
        console.error("vidkompy: a command is needed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
