package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.Rational;
import org.vidkompy.media.Alignment;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.Grade;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;

/**
 * Accuracy on the footage people bring (issue 11): variable frame rate, speed ramps and steps, a
 * replay, fg overhanging the bg, small insets, fg faster than the bg, non-linear grades, and
 * combinations, each a small generated pair with known truth analysed end to end like
 * {@link AccuracySuiteTest}.
 *
 * <p>The target, not yet the state: it asserts the acceptance thresholds (every case
 * &ge; 99.5 % of fg frames on the true bg frame or a pixel-identical one, none off by more than one,
 * position &le; 0.1 px, &le; 0.25 px for crf 35 with noise, scale &le; 0.1 %) and several cases fail
 * today. Opt-in, so CI does not run it yet; it prints one row per case and, at the end, the table
 * (also written to {@code target/wide-accuracy.md}).
 * <pre>
 * ./mvnw -B -pl engine -am test -Dtest=WideAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dvidkompy.wide=true [-Dvidkompy.wide.only=REGEX] [-Dvidkompy.wide.verbose=true]
 * </pre>
 * {@code vidkompy.wide.only} runs the cases whose names match; {@code verbose} lists every wrong frame.
 */
@EnabledIfSystemProperty(named = "vidkompy.wide", matches = "true")
class WideAccuracyTest {

    private static final Rational FPS25 = new Rational(25, 1);
    private static final Rational FPS30 = new Rational(30, 1);
    private static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());

    static Stream<Arguments> cases() {
        PairSpec base = PairSpec.demo().withAudio(false, false);
        PairSpec longBg = base.withBackground(320, 180, 260);
        TimeMaps.Vfr drops = TimeMaps.variableRate(11, 150, FPS30, FPS25, 20.1, 0.10, 0.03, 0);
        TimeMaps.Vfr phone = TimeMaps.variableRate(12, 150, FPS30, FPS25, 20.1, 0.05, 0.01, 0.3);
        TimeMaps.Vfr screen = TimeMaps.variableRate(13, 240, new Rational(60, 1), FPS25, 20.1, 0.4, 0.02, 0.1);
        PairSpec inset = base.withGrade(1.0, 0, 3);
        return Stream.of(
                Arguments.of("VFR 30 fps, drops + bursts",
                        base.withTimes(drops.nominal(), drops.times(), drops.map())),
                Arguments.of("VFR phone: jitter 0.3 + drops",
                        base.withTimes(phone.nominal(), phone.times(), phone.map())),
                Arguments.of("VFR 60 fps screen, 40% drops",
                        base.withTimes(screen.nominal(), screen.times(), screen.map())),
                Arguments.of("speed ramp 1 -> 1.5", longBg.withMap(FPS25, TimeMaps.ramp(130, 20.2, 1.0, 1.5, 40, 90))),
                Arguments.of("speed ramp 1 -> 0.5 (slow motion)",
                        base.withMap(FPS25, TimeMaps.ramp(130, 20.2, 1.0, 0.5, 40, 90))),
                Arguments.of("speed step 1 -> 2", longBg.withMap(FPS25, TimeMaps.ramp(130, 20.2, 1.0, 2.0, 65, 65))),
                Arguments.of("speed step 1 -> 0.75", base.withMap(FPS25, TimeMaps.ramp(130, 20.2, 1.0, 0.75, 65, 65))),
                Arguments.of("replay (2 s backward jump)",
                        base.withMap(FPS25, TimeMaps.withCut(TimeMaps.linear(130, 80, 1.0), 70, -50))),
                Arguments.of("overhang right (160x90 at x=200.3)", base.withGeometry(160, 90, 200.3, 40.6, 1.0)),
                Arguments.of("overhang 2 sides (16:9 over 4:3)",
                        base.withBackground(240, 180, 200).withGeometry(320, 180, -40.4, 0.0, 1.0)),
                Arguments.of("overhang + scale 0.75",
                        base.withBackground(240, 180, 200).withGeometry(400, 224, -30.2, 5.6, 0.75)),
                Arguments.of("inset 64x36 in 320 (20%), noise 3", inset.withGeometry(64, 36, 140.3, 70.6, 1.0)),
                Arguments.of("inset 40x22 in 320 (12%), noise 3", inset.withGeometry(40, 22, 150.6, 80.3, 1.0)),
                Arguments.of("inset 24x14 in 320 (7.5%), noise 3", inset.withGeometry(24, 14, 200.2, 60.7, 1.0)),
                Arguments.of("fg 2x bg rate (50 over 25)",
                        base.withMap(new Rational(50, 1), TimeMaps.faster(250, 20, 2, 0.25))),
                Arguments.of("fg 3x bg rate (75 over 25)",
                        base.withMap(new Rational(75, 1), TimeMaps.faster(300, 20, 3, 0.2))),
                Arguments.of("gamma 0.5", base.withLook(Grade.gamma(0.5))),
                Arguments.of("gamma 2.0", base.withLook(Grade.gamma(2.0))),
                Arguments.of("gamma per channel 0.7/1/1.4 + warm tint",
                        base.withLook(Grade.gamma(0.7, 1.0, 1.4).withTint(1.15, 1.0, 0.8))),
                Arguments.of("saturation 0 (grey)", base.withLook(Grade.saturation(0))),
                Arguments.of("saturation 1.5", base.withLook(Grade.saturation(1.5))),
                Arguments.of("tint cold 0.8/1/1.2", base.withLook(Grade.tint(0.8, 1.0, 1.2))),
                Arguments.of("contrast S-curve 1.0", base.withLook(Grade.contrast(1.0))),
                Arguments.of("blur sigma 1", base.withLook(Grade.blur(1.0))),
                Arguments.of("sharpen 1", base.withLook(Grade.blur(-1.0))),
                Arguments.of("VFR phone + grade + crf 30",
                        base.withTimes(phone.nominal(), phone.times(), phone.map())
                                .withLook(Grade.gamma(0.7).withSaturation(1.3).withTint(1.1, 1.0, 0.9)).withCrf(30)),
                Arguments.of("grade 0.7/sat 1.3/warm",
                        base.withLook(Grade.gamma(0.7).withSaturation(1.3).withTint(1.1, 1.0, 0.9))),
                Arguments.of("grade 0.7/sat 1.3/warm + crf 30",
                        base.withLook(Grade.gamma(0.7).withSaturation(1.3).withTint(1.1, 1.0, 0.9)).withCrf(30)),
                Arguments.of("crf 30", base.withCrf(30)),
                Arguments.of("VFR phone + crf 30", base.withTimes(phone.nominal(), phone.times(), phone.map()).withCrf(30)),
                Arguments.of("gamma 1.6 + contrast + noise 5 + crf 35",
                        base.withLook(Grade.gamma(1.6).withContrast(0.5)).withGrade(1.0, 0, 5).withCrf(35)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void meetsTheTarget(String name, PairSpec spec) {
        String only = System.getProperty("vidkompy.wide.only");
        org.junit.jupiter.api.Assumptions.assumeTrue(only == null || name.matches("(?i).*(" + only + ").*"),
                "not selected by vidkompy.wide.only");
        Measured m;
        try {
            m = measure(name, spec);
        } catch (RuntimeException | AssertionError e) {
            String why = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse("");
            ROWS.add(String.format("| %s | %s |  |  |  |  |", name, why.replace('|', '/')));
            System.out.printf("%-42s FAILED %s%n", name, why);
            throw e;
        }
        ROWS.add(String.format("| %s | %.1f %% (%d/%d) | %d | %+.3f | %+.3f | %+.3f %% |", name, m.share, m.exact,
                m.frames, m.worst, m.dx, m.dy, 100 * m.ds));
        System.out.printf("%-42s exact %.1f%% (%d/%d) worst %d dx %+.3f dy %+.3f scale %+.3f%%%n", name, m.share,
                m.exact, m.frames, m.worst, m.dx, m.dy, 100 * m.ds);
        double posLimit = spec.crf() >= 35 && spec.noise() > 0 ? 0.25 : 0.1;
        assertTrue(Math.hypot(m.dx, m.dy) <= posLimit, name + ": position off by " + Math.hypot(m.dx, m.dy));
        assertTrue(Math.abs(m.ds) <= 0.001, name + ": scale off by " + m.ds);
        assertTrue(m.share >= 99.5, name + ": only " + m.share + "% of frames exact");
        assertTrue(m.worst <= 1, name + ": a frame is off by " + m.worst);
    }

    private record Measured(double dx, double dy, double ds, int exact, int frames, double share, int worst) {
    }

    private static Measured measure(String name, PairSpec spec) {
        GeneratedPair pair = Fixtures.pair("wide-" + name.replaceAll("\\W+", "-"), spec);
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        Alignment a = analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                AnalysisProgress.NONE, w -> { }).alignment();
        Scene scene = new Scene(spec.seed(), spec.bgWidth(), spec.bgHeight(), spec.staticFrom(), spec.staticTo());
        int[] map = a.temporal().map();
        int[] truth = spec.map();
        assertEquals(truth.length, map.length, name + ": one map entry per fg frame");
        int exact = 0;
        int worst = 0;
        for (int i = 0; i < truth.length; i++) {
            if (map[i] == truth[i] || scene.sceneTime(map[i]) == scene.sceneTime(truth[i])) {
                exact++;
            } else {
                worst = Math.max(worst, Math.abs(map[i] - truth[i]));
                if (Boolean.getBoolean("vidkompy.wide.verbose")) {
                    System.out.printf("  fg %d: bg %d, truth %d%n", i, map[i], truth[i]);
                }
            }
        }
        return new Measured(a.spatial().x() - spec.x(), a.spatial().y() - spec.y(),
                a.spatial().scale() / spec.scale() - 1, exact, truth.length, 100.0 * exact / truth.length, worst);
    }

    @AfterAll
    static void printTable() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| case | fg frames on the true bg frame | worst | dx | dy | scale error |");
        lines.add("|---|---|---|---|---|---|");
        synchronized (ROWS) {
            lines.addAll(ROWS);
        }
        lines.forEach(System.out::println);
        Path out = Path.of("target", "wide-accuracy.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }
}
