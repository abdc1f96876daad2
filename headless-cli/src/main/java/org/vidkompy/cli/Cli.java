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

    /** Reads {@code --gpu}, builds the engine for that mode and runs; for tests, with modules that replace a seam. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Module... extra) {
        return commandLine(injector(args, out, err, extra)).execute(args);
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

    static CommandLine commandLine(Injector injector) {
        CommandLine cmd = new CommandLine(VidkompyCommand.class, new GuiceFactory(injector));
        Console console = injector.getInstance(Console.class);
        cmd.setOut(console.outWriter());
        cmd.setErr(console.errWriter());
        cmd.setExecutionExceptionHandler(injector.getInstance(ErrorReporter.class));
        cmd.setParameterExceptionHandler(injector.getInstance(ErrorReporter.class));
        return cmd;
    }
}
