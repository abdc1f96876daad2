package org.vidkompy.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
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
        Injector injector = Guice.createInjector(new EngineModule(), new CliModule(out, err));
        CommandLine cmd = new CommandLine(VidkompyCommand.class, new GuiceFactory(injector));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(injector.getInstance(ErrorReporter.class));
        cmd.setParameterExceptionHandler(injector.getInstance(ErrorReporter.class));
        return cmd;
    }
}
