package org.vidkompy.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.PrintWriter;
import org.vidkompy.engine.EngineModule;
import picocli.CommandLine;

/** Wires the command line: Guice creates every command, picocli parses and reports. */
public final class Cli {

    private Cli() {
    }

    /**
     * Runs one command line as the process: on its streams, and with the interrupt handler that
     * removes unfinished outputs on Ctrl-C, SIGTERM and SIGHUP. Returns the exit code.
     */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Injector injector = injector(out, err);
        InterruptHandler interrupts = injector.getInstance(InterruptHandler.class);
        interrupts.install();
        try {
            return execute(injector, out, err, args);
        } finally {
            interrupts.finished();
        }
    }

    /**
     * Runs one command line. picocli hands only Exceptions to the {@link ErrorReporter} and lets an
     * Error (out of memory, a missing native library) through; it is caught here so that it too ends
     * in one line and an exit code rather than the JVM's own stack trace.
     */
    static int run(PrintWriter out, PrintWriter err, String[] args, Module... extra) {
        return execute(injector(out, err, extra), out, err, args);
    }

    private static int execute(Injector injector, PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cmd = commandLine(injector, out, err);
        try {
            return cmd.execute(args);
        } catch (Error e) {
            return injector.getInstance(ErrorReporter.class).handleError(e, running(cmd));
        }
    }

    public static CommandLine create() {
        return create(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        return create(out, err, new Module[0]);
    }

    /**
     * With extra modules, for tests that replace an engine seam (the CUDA probe). The GPU mode is not
     * known here yet: {@code --gpu} is parsed later and handed to the engine by the analysis options.
     */
    static CommandLine create(PrintWriter out, PrintWriter err, Module... extra) {
        return commandLine(injector(out, err, extra), out, err);
    }

    private static Injector injector(PrintWriter out, PrintWriter err, Module... extra) {
        Module[] modules = new Module[extra.length + 2];
        modules[0] = new EngineModule();
        modules[1] = new CliModule(out, err);
        System.arraycopy(extra, 0, modules, 2, extra.length);
        return Guice.createInjector(modules);
    }

    private static CommandLine commandLine(Injector injector, PrintWriter out, PrintWriter err) {
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
