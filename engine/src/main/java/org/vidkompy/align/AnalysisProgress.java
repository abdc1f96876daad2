package org.vidkompy.align;

/** Where a long analysis reports how far it got; also how a user cancels it. */
public interface AnalysisProgress {

    /** A new stage of about {@code total} steps begins. */
    void stage(String name, long total);

    /** {@code done} steps of the current stage are complete. */
    void advance(long done);

    /** Checked between steps: true stops the analysis with {@link AnalysisCancelledException}. */
    default boolean cancelled() {
        return false;
    }

    AnalysisProgress NONE = new AnalysisProgress() {
        @Override
        public void stage(String name, long total) {
        }

        @Override
        public void advance(long done) {
        }
    };
}
