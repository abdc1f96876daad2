package org.vidkompy.align;

import org.vidkompy.media.Alignment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.Rational;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;

/**
 * A small inset — the fg a tenth of the bg's width or less, with light noise — carries little picture
 * per frame. The analysis must still finish (never an internal exception from the path search) and
 * put it in the right place on mostly the right frames.
 */
class SmallInsetTest {

    static Stream<Arguments> cases() {
        PairSpec base = PairSpec.demo().withAudio(false, false).withGrade(1.0, 0, 3);
        Rational fps = new Rational(25, 1);
        return Stream.of(
                Arguments.of("64 px in 640", base.withBackground(640, 360, 200)
                        .withGeometry(64, 36, 301.3, 160.6, 1.0)),
                Arguments.of("80 px in 960", base.withBackground(960, 540, 200)
                        .withGeometry(80, 46, 512.4, 301.2, 1.0)),
                Arguments.of("96 px in 1280", base.withBackground(1280, 720, 200)
                        .withGeometry(96, 54, 700.7, 420.3, 1.0).withMap(fps, TimeMaps.linear(150, 30, 1.0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsASmallInset(String name, PairSpec spec) {
        GeneratedPair pair = Fixtures.pair("inset-" + name.replaceAll("\\W+", "-"), spec);
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        Alignment a = analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                AnalysisProgress.NONE, w -> { }).alignment();
        Scene scene = new Scene(spec.seed(), spec.bgWidth(), spec.bgHeight(), spec.staticFrom(), spec.staticTo());
        double off = Math.hypot(a.spatial().x() - spec.x(), a.spatial().y() - spec.y());
        int[] map = a.temporal().map();
        int[] truth = spec.map();
        assertEquals(truth.length, map.length);
        int near = 0;
        for (int i = 0; i < truth.length; i++) {
            if (Math.abs(map[i] - truth[i]) <= 1 || scene.sceneTime(map[i]) == scene.sceneTime(truth[i])) {
                near++;
            }
        }
        double share = (double) near / truth.length;
        System.out.printf("%-14s off %.3f px, scale %.4f, %.1f%% of frames within one, confidence %.3f/%.3f%n",
                name, off, a.spatial().scale(), 100 * share, a.spatial().confidence(), a.temporal().confidence());
        assertTrue(off <= 1.0, name + ": placement off by " + off + " px");
        assertTrue(Math.abs(a.spatial().scale() - 1) <= 0.01, name + ": scale " + a.spatial().scale());
        assertTrue(share >= 0.9, name + ": only " + share + " of frames within one of the truth");
    }
}
