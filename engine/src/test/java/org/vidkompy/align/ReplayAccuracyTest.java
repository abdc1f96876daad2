package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.Rational;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.TimeJump;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.TruthScore;

/**
 * Replays end to end (issue 11): an fg whose time jumps back in the bg (bg moments shown again) is
 * followed, not bent: &ge; 99.5 % of fg frames on the true bg frame (or a pixel-identical one), none off
 * by more than one, and the jumps reported where the truth has them, in the alignment file too.
 */
class ReplayAccuracyTest {

    private static final Rational FPS25 = new Rational(25, 1);

    static Stream<Arguments> cases() {
        PairSpec base = PairSpec.demo().withAudio(false, false);
        TimeMaps.Vfr phone = TimeMaps.variableRate(12, 150, new Rational(30, 1), FPS25, 40.1, 0.05, 0.01, 0.3);
        return Stream.of(
                Arguments.of("replay in a variable-rate phone clip", base.withTimes(phone.nominal(), phone.times(),
                        TimeMaps.withCut(phone.map(), 70, -40))),
                Arguments.of("replay 1 s", base.withMap(FPS25,
                        TimeMaps.withCut(TimeMaps.linear(130, 60, 1.0), 70, -25))),
                Arguments.of("replay 3 s", base.withMap(FPS25,
                        TimeMaps.withCut(TimeMaps.linear(160, 100, 1.0), 80, -75))),
                Arguments.of("two replays", base.withMap(FPS25,
                        TimeMaps.withCut(TimeMaps.withCut(TimeMaps.linear(180, 40, 1.0), 60, -30), 120, -30))),
                Arguments.of("replay after a forward cut", base.withBackground(320, 180, 260).withMap(FPS25,
                        TimeMaps.withCut(TimeMaps.withCut(TimeMaps.linear(200, 20, 1.0), 60, 80), 130, -60))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsTheReplay(String name, PairSpec spec) {
        GeneratedPair pair = Fixtures.pair("replay-" + name.replaceAll("\\W+", "-"), spec);
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        Alignment a = analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                AnalysisProgress.NONE, w -> { }).alignment();
        TruthScore t = TruthScore.of(a, spec);
        int[] truth = spec.map();
        System.out.printf("%-28s exact %.1f%% (%d/%d) worst %d, jumps %s%n", name, t.share(), t.exact(), t.frames(),
                t.worst(), a.jumps());
        assertTrue(t.share() >= 99.5, name + ": only " + t.share() + "% of frames exact");
        assertTrue(t.worst() <= 1, name + ": a frame is off by " + t.worst());

        List<TimeJump> expected = TimeJump.in(truth, 1.0);
        assertEquals(expected.stream().map(TimeJump::fgFrame).toList(),
                a.jumps().stream().map(TimeJump::fgFrame).toList(), name + ": jumps where the truth jumps");
        assertEquals(expected.stream().map(TimeJump::direction).toList(),
                a.jumps().stream().map(TimeJump::direction).toList(), name + ": jump directions");
        Alignment back = AlignmentFile.parse(AlignmentFile.toJson(a, false), Path.of("replay.json"));
        assertEquals(a.jumps(), back.jumps(), name + ": the file keeps the jumps");
        assertTrue(AlignmentFile.toJson(a, false).contains("\"direction\":\"back\""), name + ": jumps in the file");
    }
}
