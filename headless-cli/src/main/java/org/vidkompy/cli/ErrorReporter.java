package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.vidkompy.cuda.GpuUnavailableException;
import org.vidkompy.io.IoMessages;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.OutputPolicy;
import org.vidkompy.io.OutputRefusedException;
import picocli.CommandLine;

/**
 * Turns failures into one line that names the file and the problem, and an exit code; the stack
 * trace is only for {@code -v}. Only our own user-facing exceptions speak for themselves; anything
 * else is a bug and gets the {@link LastResort} line, never its internal text.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {

    private final Console console;
    private final OutputPolicy outputs;

    @Inject
    ErrorReporter(Console console, OutputPolicy outputs) {
        this.console = console;
        this.outputs = outputs;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (outputs.interrupted()) {
            // The interrupt has said what happened; what failed after it is its consequence.
            return ExitCodes.FAILED;
        }
        if (e instanceof OutputRefusedException) {
            console.error("vidkompy: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof UsageException) {
            console.error("vidkompy: " + e.getMessage());
            console.error("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        }
        // Checked first: an engine exception may wrap a worker thread's OutOfMemoryError.
        OutOfMemoryError oom = causeOf(e, OutOfMemoryError.class);
        GpuUnavailableException gpu = causeOf(e, GpuUnavailableException.class);
        if (oom != null) {
            console.error(LastResort.outOfMemory(name(cmd), Runtime.getRuntime().maxMemory()));
        } else if (gpu != null) {
            // --gpu on without a usable GPU: a processing failure (exit 1) with the probe's reason.
            console.error("vidkompy: " + gpu.getMessage());
        } else if (e instanceof MediaException) {
            console.error("vidkompy: " + e.getMessage());
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            console.error("vidkompy: " + IoMessages.of(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
        } else {
            console.error(LastResort.internalError(name(cmd)));
        }
        if (console.verbose()) {
            console.stackTrace(e);
        }
        return ExitCodes.FAILED;
    }

    /** An Error that picocli let through (see {@link Cli#run}). */
    int handleError(Error e, CommandLine cmd) {
        if (e instanceof OutOfMemoryError) {
            console.error(LastResort.outOfMemory(name(cmd), Runtime.getRuntime().maxMemory()));
        } else {
            console.error(LastResort.internalError(name(cmd)));
        }
        if (console.verbose()) {
            console.stackTrace(e);
        }
        return ExitCodes.FAILED;
    }

    private static String name(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        console.error("vidkompy: " + e.getMessage());
        console.error("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCodes.USAGE;
    }
}
