package org.vidkompy.align;

import com.google.inject.Guice;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.Rational;
import org.vidkompy.media.Alignment;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.TruthScore;

/**
 * Insets of 32-64 pixels in 960-1920 pixel bgs, with noise, retimed: opt-in ({@code -Dvidkompy.tiny=true})
 * because it does not meet the targets yet (README, "Known gap", 2026-12-03: five of six cases miss one,
 * 40-71 % of frames in three, positions up to 1.46 px and a scale 0.23 % off). The targets are
 * {@link ScaleRangeTest}'s, with its 0.25 px for the smallest fgs.
 */
@EnabledIfSystemProperty(named = "vidkompy.tiny", matches = "true")
class TinyInsetSweepTest {

    private static final Rational FPS = new Rational(25, 1);

    static Stream<Arguments> cases() {
        PairSpec base = PairSpec.demo().withAudio(false, false).withGrade(1.0, 0, 3);
        PairSpec noisy = PairSpec.demo().withAudio(false, false).withGrade(1.0, 0, 5).withCrf(28);
        return Stream.of(
                Arguments.of("48x27 in 1280", base.withMap(FPS, TimeMaps.linear(80, 20, 1.0))
                        .withBackground(1280, 720, 160).withGeometry(48, 27, 700.3, 300.6, 1.0)),
                Arguments.of("56x32 in 1920, speed 0.8", base.withMap(FPS, TimeMaps.linear(80, 20, 0.8))
                        .withBackground(1920, 1080, 160).withGeometry(56, 32, 300.4, 800.7, 1.0)),
                Arguments.of("40x24 in 1280, ramp 1 -> 1.5", base.withMap(FPS, TimeMaps.ramp(80, 20, 1.0, 1.5, 20, 60))
                        .withBackground(1280, 720, 260).withGeometry(40, 24, 900.2, 150.4, 1.0)),
                Arguments.of("64x36 in 1920, noise 5, crf 28", noisy.withMap(FPS, TimeMaps.linear(80, 20, 1.0))
                        .withBackground(1920, 1080, 160).withGeometry(64, 36, 1500.2, 100.9, 1.0)),
                Arguments.of("32x18 in 960, drift", base.withMap(FPS, TimeMaps.drifting(80, 20, 1.0, 0.003))
                        .withBackground(960, 540, 160).withGeometry(32, 18, 400.7, 300.2, 1.0)),
                Arguments.of("48x27 in 1920", base.withMap(FPS, TimeMaps.linear(80, 20, 1.0))
                        .withBackground(1920, 1080, 160).withGeometry(48, 27, 960.5, 540.5, 1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void meetsTheTarget(String name, PairSpec spec) {
        GeneratedPair pair = Fixtures.pair("tiny-" + name.replaceAll("\\W+", "-"), spec);
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        long t0 = System.nanoTime();
        Alignment a = analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                AnalysisProgress.NONE, w -> { }).alignment();
        TruthScore t = TruthScore.of(a, spec);
        System.out.printf("| %s | %.1f %% | %d | %+.3f | %+.3f | %+.3f %% | %.1f s |%n", name, t.share(), t.worst(),
                t.dx(), t.dy(), 100 * t.scaleError(), (System.nanoTime() - t0) / 1e9);
        t.assertMeets(name, 99.5, 1, 0.25);
    }
}
