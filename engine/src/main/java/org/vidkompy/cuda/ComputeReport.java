package org.vidkompy.cuda;

/**
 * Where the one line "analysis on GPU: ..." / "analysis on CPU: ..." goes. stderr by default; the
 * command line sends it to its console so that {@code -q} silences it.
 */
@FunctionalInterface
public interface ComputeReport {
    void line(String text);

    static ComputeReport stderr() {
        return text -> {
            System.err.println(text);
            System.err.flush();
        };
    }
}
