package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnscaledPreferenceTest {

    private final UnscaledPreference rule = new UnscaledPreference();

    @Test
    void realScaleErrorWins() {
        // A true 0.8 fg compared at scale 1 correlates poorly; at 0.8 nearly perfectly.
        assertTrue(rule.scaledClearlyBetter(0.99, 0.30));
        assertTrue(rule.scaledClearlyBetter(0.95, 0.88));
    }

    @Test
    void noiseLimitedGainDoesNotWin() {
        // Noise caps both at ~0.95: a free scale that tunes itself to the noise gains little.
        assertFalse(rule.scaledClearlyBetter(0.9475, 0.9469));
        // Large absolute gain, but most of the mismatch remains: not clearly a scale problem.
        assertFalse(rule.scaledClearlyBetter(0.75, 0.70));
    }

    @Test
    void nearPerfectMatchesNeedAbsoluteGain() {
        // Halves the residual but only by 0.0005: interpolation error, not geometry.
        assertFalse(rule.scaledClearlyBetter(0.9995, 0.999));
        assertTrue(rule.unitUnbeatable(0.985));
        assertFalse(rule.unitUnbeatable(0.97));
    }

    @Test
    void samePairsTakeASmallTrueScale() {
        // Measured: a fg 0.6 % smaller, crf 24: 0.9800 at scale 1, 0.9849 free; both rules disagree.
        assertFalse(rule.scaledClearlyBetter(0.9849, 0.9800));
        assertTrue(rule.pairedScaleBetter(0.9849, 0.9800));
        // Noise-fitting on same-moment pairs gains next to nothing, however small the residual.
        assertFalse(rule.pairedScaleBetter(0.98005, 0.9800));
        assertFalse(rule.pairedScaleBetter(0.9995, 0.999));
        // A gain that leaves most of the residual is not a scale.
        assertFalse(rule.pairedScaleBetter(0.903, 0.900));
    }
}
