package org.vidkompy.align;

/** The user stopped the analysis; nothing was stored. */
public final class AnalysisCancelledException extends RuntimeException {
    public AnalysisCancelledException() {
        super("analysis cancelled");
    }
}
