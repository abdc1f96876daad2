package org.vidkompy.cli;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.vidkompy.io.OutputPolicy;

/**
 * Ctrl-C, SIGTERM and SIGHUP end the JVM through its shutdown hooks, with exit status 128 + the
 * signal (130, 143, 129). The hook removes the temporary file of every output still being written,
 * so an interrupted run leaves nothing, and says so in one line. A run killed outright
 * ({@code kill -9}) runs no hook; its temporary file is removed by the next run for that output.
 */
@Singleton
final class InterruptHandler {

    private final OutputPolicy outputs;
    private final Console console;
    private volatile boolean finished;

    @Inject
    InterruptHandler(OutputPolicy outputs, Console console) {
        this.outputs = outputs;
        this.console = console;
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "vidkompy-interrupt"));
    }

    /** The command returned: a shutdown from now on is the normal exit. */
    void finished() {
        finished = true;
    }

    private void onShutdown() {
        if (finished) {
            return;
        }
        List<Path> lost = outputs.abandonAll();
        console.error(lost.isEmpty() ? "vidkompy: interrupted"
                : "vidkompy: interrupted; nothing was written ("
                        + lost.stream().map(Path::toString).collect(Collectors.joining(", ")) + " left as it was)");
    }
}
