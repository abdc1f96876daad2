package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.media.Alignment;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.TruthScore;

/**
 * An fg partly outside the bg (issue 11): small generated pairs with known truth, analysed end to
 * end. Only the overlap can be compared, in space and in time; with enough of it the thresholds of
 * the issue hold (&ge; 99.5 % of fg frames on the true bg frame, none off by more than one, position
 * &le; 0.1 px, scale &le; 0.1 %); with too little (under 30 % of the fg) the fg is not found.
 */
class OverhangAccuracyTest {

    static Stream<Arguments> cases() {
        PairSpec base = PairSpec.demo().withAudio(false, false);
        return Stream.of(
                // 75 % of the width over the bg
                Arguments.of("overhang right", base.withGeometry(160, 90, 200.3, 40.6, 1.0)),
                // 77 % of the height over the bg
                Arguments.of("overhang top", base.withGeometry(160, 90, 80.4, -20.3, 1.0)),
                // wider than the bg: beyond both sides, 80 % over it
                Arguments.of("overhang left and right", base.withGeometry(400, 180, -40.4, 0.0, 1.0)),
                // a 400x224 fg drawn at 0.75 (300x168) over a 240x180 bg: beyond both sides, 80 % over it
                Arguments.of("overhang + scale 0.75",
                        base.withBackground(240, 180, 200).withGeometry(400, 224, -30.2, 5.6, 0.75)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recoversTheTruthOnTheOverlap(String name, PairSpec spec) {
        org.junit.jupiter.api.Assumptions.assumeTrue(TruthScore.selected(name), "not selected by vidkompy.accuracy.only");
        TruthScore t = TruthScore.of(analyse(name, spec), spec);
        System.out.printf("%-24s exact %.1f%% (%d/%d) worst %d dx %+.3f dy %+.3f scale %+.3f%%%n", name, t.share(),
                t.exact(), t.frames(), t.worst(), t.dx(), t.dy(), 100 * t.scaleError());
        t.assertMeets(name, 99.5, 1, 0.1);
    }

    @Test
    void anFgMostlyBeyondTheBgIsNotFound() {
        // 160x90 at x = 280.3 in a 320-wide bg: 25 % of the fg lies over the bg.
        PairSpec spec = PairSpec.demo().withAudio(false, false).withGeometry(160, 90, 280.3, 40.6, 1.0);
        assertThrows(NoMatchException.class, () -> analyse("overhang sliver", spec));
    }

    private static Alignment analyse(String name, PairSpec spec) {
        GeneratedPair pair = Fixtures.pair("overhang-" + name.replaceAll("\\W+", "-"), spec);
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        return analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                AnalysisProgress.NONE, w -> { }).alignment();
    }
}
