package org.vidkompy.cli;

import java.io.PrintWriter;

/**
 * Where commands report: results to stdout, chatter and progress to stderr. {@code -q} silences
 * chatter, {@code -v} adds detail; progress bars appear only on a terminal.
 */
public final class Console {

    public enum Level { QUIET, NORMAL, VERBOSE }

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private Level level = Level.NORMAL;

    public Console(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public void level(Level l) {
        level = l;
    }

    public boolean verbose() {
        return level == Level.VERBOSE;
    }

    /** A result line: always printed, on stdout. */
    public void result(String s) {
        out.println(s);
        out.flush();
    }

    /** What the tool is doing: stderr, hidden by -q. */
    public void info(String s) {
        if (level != Level.QUIET) {
            err.println(s);
            err.flush();
        }
    }

    public void detail(String s) {
        if (level == Level.VERBOSE) {
            err.println(s);
            err.flush();
        }
    }

    public void error(String s) {
        err.println(s);
        err.flush();
    }

    public void stackTrace(Throwable t) {
        t.printStackTrace(err);
        err.flush();
    }

    public ProgressBar progress(String label, long total) {
        return new ProgressBar(err, label, total, terminal && level != Level.QUIET);
    }
}
