package org.vidkompy.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.io.PrintWriter;

/** The streams a command talks to, and the one console that knows -q/-v. */
final class CliModule extends AbstractModule {

    private final PrintWriter out;
    private final PrintWriter err;

    CliModule(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Provides
    @Singleton
    Console console() {
        return new Console(out, err, System.console() != null);
    }
}
