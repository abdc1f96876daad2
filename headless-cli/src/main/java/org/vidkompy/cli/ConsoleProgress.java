package org.vidkompy.cli;

import org.vidkompy.align.AnalysisProgress;

/** Shows analysis stages as progress bars on a terminal. */
final class ConsoleProgress implements AnalysisProgress, AutoCloseable {

    private final Console console;
    private ProgressBar bar;

    ConsoleProgress(Console console) {
        this.console = console;
    }

    @Override
    public void stage(String name, long total) {
        close();
        console.detail("stage: " + name);
        bar = console.progress(name, total);
    }

    @Override
    public void advance(long done) {
        if (bar != null) {
            bar.update(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
