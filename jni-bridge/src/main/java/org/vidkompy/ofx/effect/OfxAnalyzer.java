package org.vidkompy.ofx.effect;

import java.util.Optional;

/**
 * Runs when the user presses Analyze. The engine's aligner (the same classes the CLI uses, with an
 * OFX-backed frame source) will implement this; until then {@link PlaceholderAnalyzer} stands in.
 */
public interface OfxAnalyzer {
    /** @return the alignment, or empty when the user cancelled (nothing is written then) */
    Optional<AlignmentRecord> analyze(AnalysisSession session);
}
