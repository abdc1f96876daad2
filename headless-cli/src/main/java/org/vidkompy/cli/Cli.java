package org.vidkompy.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.PrintWriter;
import org.vidkompy.engine.EngineModule;
import picocli.CommandLine;

/**
 * Wires the command line: {@code --gpu} is read first, the engine is built for that mode, Guice
 * creates every command, picocli parses and reports.
 */
public final class Cli {

    private Cli() {
    }

    /**
     * Runs one command line as the process: on its streams, without huge pages ({@link HugePages}), and
     * with the interrupt handler that removes unfinished outputs on Ctrl-C, SIGTERM and SIGHUP. Returns
     * the exit code.
     */
    public static int run(String... args) {
        HugePages.decline();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Injector injector = injector(args, out, err);
        InterruptHandler interrupts = injector.getInstance(InterruptHandler.class);
        interrupts.install();
        try {
            return execute(injector, out, err, args);
        } finally {
            interrupts.finished();
        }
    }

    /** Runs one command line on the given streams; for tests, with modules that replace an engine seam. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Module... extra) {
        return execute(injector(args, out, err, extra), out, err, args);
    }

    /**
     * picocli hands only Exceptions to the {@link ErrorReporter} and lets an Error (out of memory, a
     * missing native library) through; it is caught here so that it too ends in one line and an exit
     * code rather than the JVM's own stack trace.
     */
    private static int execute(Injector injector, PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cmd = commandLine(injector, out, err);
        try {
            return cmd.execute(args);
        } catch (Error e) {
            return injector.getInstance(ErrorReporter.class).handleError(e, running(cmd));
        }
    }

    /**
     * The injector for these arguments: {@code --gpu} is read first ({@link GpuArgument}), so the engine
     * is built for its mode; nothing is probed until a command provisions the analysis.
     */
    static Injector injector(String[] args, PrintWriter out, PrintWriter err, Module... extra) {
        Module[] modules = new Module[extra.length + 2];
        modules[0] = new EngineModule(GpuArgument.of(args));
        modules[1] = new CliModule(out, err);
        System.arraycopy(extra, 0, modules, 2, extra.length);
        return Guice.createInjector(modules);
    }

    static CommandLine commandLine(Injector injector, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(VidkompyCommand.class, new GuiceFactory(injector));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(injector.getInstance(ErrorReporter.class));
        cmd.setParameterExceptionHandler(injector.getInstance(ErrorReporter.class));
        return cmd;
    }

    /** The (sub)command that was running, for the message: "vidkompy render". */
    private static CommandLine running(CommandLine cmd) {
        CommandLine.ParseResult parsed = cmd.getParseResult();
        while (parsed != null && parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed != null ? parsed.commandSpec().commandLine() : cmd;
    }
}
