package org.vidkompy.ofx.effect;

import java.util.Optional;
import org.vidkompy.align.AnalysisOptions;

/**
 * Runs when the user presses Analyze, on the host's thread. The implementation is the engine's
 * analysis over the host's clips ({@link org.vidkompy.ofx.engine.EngineAnalyzer}); the interface is
 * the seam for the Guice module and for tests.
 */
public interface OfxAnalyzer {

    /**
     * The result and a one-line summary for the user.
     *
     * @param record  what is stored
     * @param summary confidence, how many fg frames matched, unmatched ranges (in host frames)
     */
    record Analysis(AlignmentRecord record, String summary) {
    }

    /** @return the alignment, or empty when the user cancelled (nothing is written then) */
    Optional<Analysis> analyze(AnalysisSession session, AnalysisOptions options);

    /** With the command line's default options. */
    default Optional<AlignmentRecord> analyze(AnalysisSession session) {
        return analyze(session, AnalysisOptions.defaults()).map(Analysis::record);
    }
}
