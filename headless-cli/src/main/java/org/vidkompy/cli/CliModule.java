package org.vidkompy.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.io.PrintWriter;
import org.vidkompy.cuda.ComputeReport;

/** The streams a command talks to, and the one console that knows -q/-v. */
final class CliModule extends AbstractModule {

    private final PrintWriter out;
    private final PrintWriter err;

    CliModule(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    protected void configure() {
        // The engine's "analysis on GPU/CPU" line goes through the console, so -q hides it.
        OptionalBinder.newOptionalBinder(binder(), ComputeReport.class).setBinding().to(ConsoleComputeReport.class);
    }

    @Provides
    @Singleton
    Console console() {
        return new Console(out, err, System.console() != null);
    }

    static final class ConsoleComputeReport implements ComputeReport {
        private final Console console;

        @jakarta.inject.Inject
        ConsoleComputeReport(Console console) {
            this.console = console;
        }

        @Override
        public void line(String text) {
            console.info(text);
        }
    }
}
