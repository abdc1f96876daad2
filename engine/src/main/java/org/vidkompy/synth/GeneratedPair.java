package org.vidkompy.synth;

import java.nio.file.Path;

/** Files of a generated pair and the spec they were made from (the truth). */
public record GeneratedPair(Path background, Path foreground, Path truth, PairSpec spec) {
}
