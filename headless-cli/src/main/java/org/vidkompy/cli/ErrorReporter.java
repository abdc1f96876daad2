package org.vidkompy.cli;

import jakarta.inject.Inject;
import org.vidkompy.cuda.GpuUnavailableException;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.OutputPolicy;
import org.vidkompy.io.OutputRefusedException;
import picocli.CommandLine;

/**
 * Turns failures into one line that names the file and the problem, and an exit code; the stack
 * trace is only for {@code -v}.
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
        GpuUnavailableException gpu = causeOf(e, GpuUnavailableException.class);
        if (gpu != null) {
            // --gpu on without a usable GPU: a processing failure (exit 1) with the probe's reason.
            console.error("vidkompy: " + gpu.getMessage());
            if (console.verbose()) {
                console.stackTrace(e);
            }
            return ExitCodes.FAILED;
        }
        if (e instanceof MediaException || e instanceof java.io.UncheckedIOException
                || e instanceof java.io.IOException) {
            console.error("vidkompy: " + e.getMessage());
        } else {
            console.error("vidkompy: " + cmd.getCommandName() + " failed: " + e);
        }
        if (console.verbose()) {
            console.stackTrace(e);
        }
        return ExitCodes.FAILED;
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
