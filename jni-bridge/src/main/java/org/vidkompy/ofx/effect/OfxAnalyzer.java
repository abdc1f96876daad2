package org.vidkompy.ofx.effect;

import java.util.Optional;
import org.vidkompy.align.AnalysisOptions;

/**
 * Runs when the user presses Analyze, on the host's thread. The implementation is the engine's
 * analysis over the host's clips ({@code org.vidkompy.ofx.engine.EngineAnalyzer}, bound in
 * {@code OfxModule}); the interface is the seam for the Guice module and for tests.
 */
public interface OfxAnalyzer {

    /** @return what to store, or empty when the user cancelled (nothing is written then) */
    Optional<StoredAlignment> analyze(AnalysisSession session, AnalysisOptions options);

    /** With the command line's default options. */
    default Optional<StoredAlignment> analyze(AnalysisSession session) {
        return analyze(session, AnalysisOptions.defaults());
    }
}
