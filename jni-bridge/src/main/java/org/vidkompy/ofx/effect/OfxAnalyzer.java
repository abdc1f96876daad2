package org.vidkompy.ofx.effect;

import java.util.Optional;

/**
 * Runs when the user presses Analyze, on the host's thread. The implementation is the engine's
 * analysis over the host's clips ({@link org.vidkompy.ofx.engine.EngineAnalyzer}); the interface is
 * the seam for the Guice module and for tests.
 */
public interface OfxAnalyzer {
    /** @return the alignment, or empty when the user cancelled (nothing is written then) */
    Optional<AlignmentRecord> analyze(AnalysisSession session);
}
