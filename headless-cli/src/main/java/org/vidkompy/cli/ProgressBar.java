package org.vidkompy.cli;

import java.io.PrintWriter;

/** A one-line progress bar with rate and ETA, redrawn at most ten times a second; silent off a terminal. */
public final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long done;

    ProgressBar(PrintWriter err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
    }

    public void step() {
        update(done + 1);
    }

    public void update(long value) {
        done = value;
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double secs = (now - start) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        double eta = rate > 0 ? (total - done) / rate : 0;
        int filled = (int) (WIDTH * Math.min(1.0, (double) done / total));
        err.printf("\r%-12s [%s%s] %d/%d  %.0f fps  ETA %ds ", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                done, total, rate, Math.round(eta));
        err.flush();
    }

    @Override
    public void close() {
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + label.length() + 50) + "\r");
            err.flush();
        }
    }
}
