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
        return commandLine(injector(out, err, extra));
    }

    static Injector injector(PrintWriter out, PrintWriter err, Module... extra) {
        Module[] modules = new Module[extra.length + 2];
        modules[0] = new EngineModule();
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
