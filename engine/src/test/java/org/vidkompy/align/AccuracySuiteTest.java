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
 * The ground-truth accuracy suite: real encoded fg/bg pairs with a known offset, scale and per-frame
 * map, analysed end to end through FFmpeg. Each case must reach spatial error ≤ 0.5 px, scale error
 * ≤ 0.5 %, ≥ 99 % of fg frames on the true bg frame (or one pixel-identical to it) and none off by
 * more than one frame.
 */
class AccuracySuiteTest {

    private static final Rational FPS25 = new Rational(25, 1);

    static Stream<Arguments> cases() {
        PairSpec base = PairSpec.demo().withAudio(false, false);
        return Stream.of(
                Arguments.of("plain offset", base),
                Arguments.of("25 to 30 fps (duplicated bg frames)",
                        base.withMap(new Rational(30, 1), TimeMaps.linear(180, 20, 25.0 / 30))),
                Arguments.of("24 to 12 fps (every other bg frame)",
                        withBgFps(base, new Rational(24, 1), 260).withMap(new Rational(12, 1),
                                TimeMaps.linear(100, 40, 2.0))),
                Arguments.of("3% speed drift over 600 frames",
                        base.withBackground(320, 180, 680).withMap(FPS25, TimeMaps.drifting(600, 30, 1.0, 0.03))),
                Arguments.of("5 s forward cut",
                        base.withBackground(320, 180, 380).withMap(FPS25,
                                TimeMaps.withCut(TimeMaps.linear(200, 20, 1.0), 100, 125))),
                Arguments.of("fg upscaled 2x (scale 0.5)", base.withGeometry(256, 144, 61.3, 20.6, 0.5)),
                Arguments.of("fg larger than bg", base.withGeometry(400, 240, 40.2, 30.7, 0.5)),
                Arguments.of("letterboxed fg", base.withGeometry(192, 128, 60.4, 20.3, 1.0).withBars(0, 14)),
                Arguments.of("graded + noise + crf 35", base.withGrade(1.25, -18, 5).withCrf(35)),
                Arguments.of("black/fade-in first second", base.withFade(25)),
                Arguments.of("static stretch", base.withStatic(60, 100)));
    }

    private static PairSpec withBgFps(PairSpec s, Rational fps, int frames) {
        return new PairSpec(s.seed(), s.bgWidth(), s.bgHeight(), fps, frames, s.staticFrom(), s.staticTo(),
                s.fgWidth(), s.fgHeight(), s.x(), s.y(), s.scale(), s.fgFps(), s.map(), s.gain(), s.bias(),
                s.noise(), s.barX(), s.barY(), s.fadeFrames(), s.crf(), s.bgAudio(), s.fgAudio());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recoversTheTruth(String name, PairSpec spec) {
        String only = System.getProperty("vidkompy.wide.only");
        org.junit.jupiter.api.Assumptions.assumeTrue(only == null || name.matches("(?i).*(" + only + ").*"),
                "not selected by vidkompy.wide.only");
        GeneratedPair pair = Fixtures.pair("acc-" + name.replaceAll("\\W+", "-"), spec);
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        PairAnalysis.Outcome o = analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                AnalysisProgress.NONE, w -> { });
        Alignment a = o.alignment();
        Scene scene = new Scene(spec.seed(), spec.bgWidth(), spec.bgHeight(), spec.staticFrom(), spec.staticTo());

        double dx = a.spatial().x() - spec.x();
        double dy = a.spatial().y() - spec.y();
        double ds = a.spatial().scale() / spec.scale() - 1;
        int[] map = a.temporal().map();
        int[] truth = spec.map();
        assertEquals(truth.length, map.length, "one map entry per fg frame");
        int exact = 0;
        int worst = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean same = map[i] == truth[i] || scene.sceneTime(map[i]) == scene.sceneTime(truth[i]);
            if (same) {
                exact++;
            } else {
                worst = Math.max(worst, Math.abs(map[i] - truth[i]));
                if (Boolean.getBoolean("vidkompy.wide.verbose")) {
                    System.out.printf("  fg %d: bg %d, truth %d%n", i, map[i], truth[i]);
                }
            }
        }
        double share = 100.0 * exact / truth.length;
        System.out.printf("%-38s dx=%+.3f dy=%+.3f scale %+.3f%%  frames exact %.1f%% (%d/%d), worst off %d,"
                        + " confidence %.3f/%.3f, %s%n", name, dx, dy, 100 * ds, share, exact, truth.length, worst,
                a.spatial().confidence(), a.temporal().confidence(),
                o.details().map(d -> String.format("%.2f s (%s)", d.timings().total(), d.timings())).orElse(""));
        assertTrue(Math.hypot(dx, dy) <= 0.5, name + ": position off by " + Math.hypot(dx, dy));
        assertTrue(Math.abs(ds) <= 0.005, name + ": scale off by " + ds);
        assertTrue(share >= 99.0, name + ": only " + share + "% of frames exact");
        assertTrue(worst <= 1, name + ": a frame is off by " + worst);
    }
}
