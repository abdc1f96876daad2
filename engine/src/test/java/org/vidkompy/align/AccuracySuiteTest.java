package org.vidkompy.align;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.Rational;
import org.vidkompy.media.Alignment;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.Grade;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.TruthScore;

/**
 * The ground-truth accuracy suite: real encoded fg/bg pairs with a known offset, scale and per-frame
 * map, analysed end to end through FFmpeg, on the kinds of footage people bring: other frame rates,
 * drift and cuts, variable frame rates (each frame with its own timestamp), speed ramps and steps, an
 * fg faster than the bg, scaled and letterboxed fgs, small insets, non-linear grades, compression and
 * noise, and combinations.
 *
 * <p>Every case must put at least 99.5 % of fg frames on the true bg frame (or one pixel-identical to
 * it; for an fg faster than the bg, the one nearest in time), none off by more than one frame, within
 * 0.1 px (0.25 px for crf 35 with noise) and 0.1 % of scale. A case that does not meet that yet says so
 * in its {@link Target} (a floor below which it must not fall, and the README says why).
 *
 * <p>Prints one row per case and writes the table to {@code target/accuracy.md}. To run some cases,
 * with every wrong frame listed:
 * <pre>
 * ./mvnw -B -pl engine -am test -Dtest=AccuracySuiteTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dvidkompy.accuracy.only=REGEX -Dvidkompy.accuracy.verbose=true
 * </pre>
 */
class AccuracySuiteTest {

    private static final Rational FPS25 = new Rational(25, 1);
    private static final Rational FPS30 = new Rational(30, 1);
    private static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());

    /** What a case must reach: the target, with 0.25 px allowed at crf 35 with noise. */
    record Target(double exactShare, int worst, double position) {
        static final Target STANDARD = new Target(99.5, 1, 0.1);
        static final Target NOISY = new Target(99.5, 1, 0.25);
    }

    static Stream<Arguments> cases() {
        PairSpec base = PairSpec.demo().withAudio(false, false);
        PairSpec longBg = base.withBackground(320, 180, 260);
        TimeMaps.Vfr drops = TimeMaps.variableRate(11, 150, FPS30, FPS25, 20.1, 0.10, 0.03, 0);
        TimeMaps.Vfr phone = TimeMaps.variableRate(12, 150, FPS30, FPS25, 20.1, 0.05, 0.01, 0.3);
        TimeMaps.Vfr screen = TimeMaps.variableRate(13, 240, new Rational(60, 1), FPS25, 20.1, 0.4, 0.02, 0.1);
        Grade warm = Grade.gamma(0.7).withSaturation(1.3).withTint(1.1, 1.0, 0.9);
        Target t = Target.STANDARD;
        return Stream.of(
                // Frame rates, drift, cuts, stills.
                Arguments.of("plain offset", base, t),
                Arguments.of("25 to 30 fps (duplicated bg frames)",
                        base.withMap(FPS30, TimeMaps.linear(180, 20, 25.0 / 30)), t),
                Arguments.of("24 to 12 fps (every other bg frame)",
                        withBgFps(base, new Rational(24, 1), 260).withMap(new Rational(12, 1),
                                TimeMaps.linear(100, 40, 2.0)), t),
                Arguments.of("3% speed drift over 600 frames",
                        base.withBackground(320, 180, 680).withMap(FPS25, TimeMaps.drifting(600, 30, 1.0, 0.03)), t),
                Arguments.of("5 s forward cut",
                        base.withBackground(320, 180, 380).withMap(FPS25,
                                TimeMaps.withCut(TimeMaps.linear(200, 20, 1.0), 100, 125)), t),
                // Where the frames on either side of a cut look alike (a still scene, a short jump), the
                // coarse path ramps over it and the frames beside it sat in the skipped stretch (worst
                // 125 and 12 frames off before misfits got a second look).
                Arguments.of("still scene, 5 s forward cut",
                        base.withStillScene().withBackground(320, 180, 380).withMap(FPS25,
                                TimeMaps.withCut(TimeMaps.linear(200, 20, 1.0), 100, 125)), t),
                Arguments.of("still scene, 5 s forward cut, noise 3, crf 28",
                        base.withStillScene().withBackground(320, 180, 380).withMap(FPS25,
                                TimeMaps.withCut(TimeMaps.linear(200, 20, 1.0), 100, 125))
                                .withGrade(1, 0, 3).withCrf(28), t),
                Arguments.of("12-frame forward cut, noise 3, crf 28",
                        base.withBackground(320, 180, 300).withMap(FPS25,
                                TimeMaps.withCut(TimeMaps.linear(200, 20, 1.0), 100, 12)).withGrade(1, 0, 3)
                                .withCrf(28), t),
                Arguments.of("black/fade-in first second", base.withFade(25), t),
                Arguments.of("static stretch", base.withStatic(60, 100), t),
                // A near-still hold (a title card fading, a slide): its frames are apart by less than
                // the fg's noise, each its own moment; nothing but time can place them.
                Arguments.of("near-still hold, creep 0.02, noise 3",
                        base.withHold(60, 100, 0.02).withGrade(1, 0, 3), t),
                // Held to the fg's end, the coarse path may stall on one frame; the window around it
                // must not keep the clip's one line from the held frames (54 % and 63 % exact before).
                Arguments.of("near-still hold to the fg's end, creep 0.005, noise 3, crf 28",
                        base.withHold(100, 199, 0.005).withGrade(1, 0, 3).withCrf(28), t),
                Arguments.of("near-still hold over the fg's last 40 %, creep 0.01, noise 5",
                        base.withHold(90, 199, 0.01).withGrade(1, 0, 5), t),
                // Variable frame rates: every fg frame at its own timestamp.
                Arguments.of("VFR 30 fps, drops + bursts", base.withTimes(drops.nominal(), drops.times(), drops.map()), t),
                Arguments.of("VFR phone: jitter 0.3 + drops", base.withTimes(phone.nominal(), phone.times(), phone.map()), t),
                Arguments.of("VFR 60 fps screen, 40% drops",
                        base.withTimes(screen.nominal(), screen.times(), screen.map()), t),
                // Speed that changes within the clip.
                Arguments.of("speed ramp 1 -> 1.5", longBg.withMap(FPS25, TimeMaps.ramp(130, 20.2, 1.0, 1.5, 40, 90)), t),
                Arguments.of("speed ramp 1 -> 0.5 (slow motion)",
                        base.withMap(FPS25, TimeMaps.ramp(130, 20.2, 1.0, 0.5, 40, 90)), t),
                Arguments.of("speed step 1 -> 2", longBg.withMap(FPS25, TimeMaps.ramp(130, 20.2, 1.0, 2.0, 65, 65)), t),
                Arguments.of("speed step 1 -> 0.75", base.withMap(FPS25, TimeMaps.ramp(130, 20.2, 1.0, 0.75, 65, 65)), t),
                // Several fg frames per bg frame: the bg frame nearest in time.
                Arguments.of("fg 2x bg rate (50 over 25)", base.withMap(new Rational(50, 1), TimeMaps.faster(250, 20, 2, 0.25)), t),
                Arguments.of("fg 3x bg rate (75 over 25)", base.withMap(new Rational(75, 1), TimeMaps.faster(300, 20, 3, 0.2)), t),
                // Geometry.
                Arguments.of("fg upscaled 2x (scale 0.5)", base.withGeometry(256, 144, 61.3, 20.6, 0.5), t),
                Arguments.of("fg larger than bg", base.withGeometry(400, 240, 40.2, 30.7, 0.5), t),
                Arguments.of("fg 0.6 % smaller than its footprint (scale 0.994)",
                        base.withGeometry(266, 150, 15.4, 11.5, 0.994), t),
                Arguments.of("letterboxed fg", base.withGeometry(192, 128, 60.4, 20.3, 1.0).withBars(0, 14), t),
                Arguments.of("inset 64x36 in 320 (20%), noise 3",
                        base.withGrade(1.0, 0, 3).withGeometry(64, 36, 140.3, 70.6, 1.0), t),
                Arguments.of("inset 40x22 in 320 (12%), noise 3",
                        base.withGrade(1.0, 0, 3).withGeometry(40, 22, 150.6, 80.3, 1.0), t),
                // Grades beyond gain and bias, compression, noise.
                Arguments.of("gamma 0.5", base.withLook(Grade.gamma(0.5)), t),
                Arguments.of("gamma 2.0", base.withLook(Grade.gamma(2.0)), t),
                Arguments.of("gamma per channel 0.7/1/1.4 + warm tint",
                        base.withLook(Grade.gamma(0.7, 1.0, 1.4).withTint(1.15, 1.0, 0.8)), t),
                Arguments.of("saturation 0 (grey)", base.withLook(Grade.saturation(0)), t),
                Arguments.of("saturation 1.5", base.withLook(Grade.saturation(1.5)), t),
                Arguments.of("tint cold 0.8/1/1.2", base.withLook(Grade.tint(0.8, 1.0, 1.2)), t),
                Arguments.of("contrast S-curve 1.0", base.withLook(Grade.contrast(1.0)), t),
                Arguments.of("blur sigma 1", base.withLook(Grade.blur(1.0)), t),
                Arguments.of("sharpen 1", base.withLook(Grade.blur(-1.0)), t),
                Arguments.of("grade 0.7/sat 1.3/warm", base.withLook(warm), t),
                Arguments.of("crf 30", base.withCrf(30), t),
                Arguments.of("graded + noise + crf 35", base.withGrade(1.25, -18, 5).withCrf(35), Target.NOISY),
                Arguments.of("gamma 1.6 + contrast + noise 5 + crf 35",
                        base.withLook(Grade.gamma(1.6).withContrast(0.5)).withGrade(1.0, 0, 5).withCrf(35),
                        Target.NOISY),
                // A still scene: nothing moves but the camera, so a placement a few pixels along its
                // sway and a time a few frames off explain the pictures almost as well as the truth.
                Arguments.of("still scene, fg 2x bg rate",
                        base.withStillScene().withMap(new Rational(50, 1), TimeMaps.faster(250, 20, 2, 0.25)), t),
                // Where the sway turns (bg frames 100-115) no frame's pictures decide: time alone places
                // them, past a step, up to the clip's end.
                Arguments.of("still scene, speed step 1 -> 0.5",
                        base.withStillScene().withMap(FPS25, TimeMaps.ramp(130, 20.2, 1.0, 0.5, 65, 65)), t),
                // Combinations.
                Arguments.of("VFR phone + crf 30", base.withTimes(phone.nominal(), phone.times(), phone.map()).withCrf(30),
                        t),
                Arguments.of("grade 0.7/sat 1.3/warm + crf 30", base.withLook(warm).withCrf(30), t),
                Arguments.of("VFR phone + grade + crf 30",
                        base.withTimes(phone.nominal(), phone.times(), phone.map()).withLook(warm).withCrf(30), t));
    }

    private static PairSpec withBgFps(PairSpec s, Rational fps, int frames) {
        return new PairSpec(s.seed(), s.bgWidth(), s.bgHeight(), fps, frames, s.staticFrom(), s.staticTo(),
                s.fgWidth(), s.fgHeight(), s.x(), s.y(), s.scale(), s.fgFps(), s.map(), s.gain(), s.bias(),
                s.noise(), s.barX(), s.barY(), s.fadeFrames(), s.crf(), s.bgAudio(), s.fgAudio());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recoversTheTruth(String name, PairSpec spec, Target target) {
        Assumptions.assumeTrue(TruthScore.selected(name), "not selected by vidkompy.accuracy.only");
        GeneratedPair pair = Fixtures.pair("acc-" + name.replaceAll("\\W+", "-"), spec);
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        PairAnalysis.Outcome o = analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                AnalysisProgress.NONE, w -> { });
        Alignment a = o.alignment();
        TruthScore t = TruthScore.of(a, spec);
        double seconds = o.details().map(d -> d.timings().total()).orElse(Double.NaN);
        ROWS.add(String.format("| %s | %.1f %% (%d/%d) | %d | %+.3f | %+.3f | %+.3f %% | %.2f s |", name, t.share(),
                t.exact(), t.frames(), t.worst(), t.dx(), t.dy(), 100 * t.scaleError(), seconds));
        System.out.printf("%-42s exact %5.1f%% (%d/%d) worst %d dx %+.3f dy %+.3f scale %+.3f%% confidence %.3f/%.3f"
                        + " %.2f s%n", name, t.share(), t.exact(), t.frames(), t.worst(), t.dx(), t.dy(),
                100 * t.scaleError(), a.spatial().confidence(), a.temporal().confidence(), seconds);
        t.assertMeets(name, target.exactShare(), target.worst(), target.position());
    }

    @AfterAll
    static void writeTable() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| case | fg frames on the true bg frame | worst | dx | dy | scale error | analysis |");
        lines.add("|---|---|---|---|---|---|---|");
        synchronized (ROWS) {
            lines.addAll(ROWS);
        }
        Path out = Path.of("target", "accuracy.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }
}
