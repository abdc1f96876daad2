package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.media.FfmpegClipSource;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.TruthScore;

/**
 * The analysis of a bg's reference frames alone ({@link ReferenceFirst}) against the truth and against
 * the analysis of all frames: where the fg is the bg shifted by whole frames it answers, with the same
 * map; where anything else happens in time, the analysis of all frames answers, as before.
 */
class ReferenceFirstAnalysisTest {

    private static final Rational FPS25 = new Rational(25, 1);

    private final VideoProbe probe = new VideoProbe();
    private final Analyzer analyzer = Guice.createInjector(new EngineModule()).getInstance(Analyzer.class);

    static Stream<Arguments> shifts() {
        PairSpec demo = PairSpec.demo().withAudio(false, false);
        return Stream.of(
                Arguments.of("crop, 30 frames in", demo),
                Arguments.of("crop, 4 frames in", demo.withMap(FPS25, TimeMaps.linear(150, 4, 1.0))),
                Arguments.of("crop to the bg's last frame", demo.withMap(FPS25, TimeMaps.linear(120, 79, 1.0))),
                Arguments.of("graded, noisy, crf 28", demo.withGrade(1.3, 12, 4).withCrf(28)),
                Arguments.of("whole frame, 0.8x", demo.withGeometry(256, 144, 30.5, 17.2, 0.8)),
                Arguments.of("bg 2x the fg, fg 1.5 s in", demo.withBackground(640, 360, 200)
                        .withGeometry(320, 180, 150.6, 90.3, 1.0).withMap(FPS25, TimeMaps.linear(150, 37, 1.0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shifts")
    void aShiftIsFoundOnTheReferenceFramesAsOnAllFrames(String name, PairSpec spec) {
        GeneratedPair pair = Fixtures.pair("ref-" + name, spec);
        Analyzer.Result quick = analyzer.analyze(source(pair, true), source(pair, false), AnalysisOptions.defaults(),
                AnalysisProgress.NONE);
        Analyzer.Result all = analyzer.everyFrame().analyze(source(pair, true), source(pair, false),
                AnalysisOptions.defaults(), AnalysisProgress.NONE);
        TruthScore t = TruthScore.of(quick.alignment(), spec);
        System.out.printf("%s: %d of %d bg frames decoded, exact %.1f%%, dx %+.3f dy %+.3f (all frames: %+.3f %+.3f)%n",
                name, quick.bgReferenceFrames(), spec.bgFrames(), t.share(), t.dx(), t.dy(),
                all.alignment().spatial().x() - quick.alignment().spatial().x(),
                all.alignment().spatial().y() - quick.alignment().spatial().y());
        assertTrue(quick.bgReferenceFrames() > 0 && quick.bgReferenceFrames() < spec.bgFrames() * 0.7,
                name + ": only the reference frames decoded: " + quick.bgReferenceFrames());
        assertEquals(0, all.bgReferenceFrames());
        assertEquals(spec.bgFrames(), quick.alignment().background().frames());
        assertArrayEquals(all.alignment().temporal().map(), quick.alignment().temporal().map(), name);
        assertEquals(all.alignment().spatial().x(), quick.alignment().spatial().x(), 0.05, name);
        assertEquals(all.alignment().spatial().y(), quick.alignment().spatial().y(), 0.05, name);
        assertEquals(all.alignment().spatial().scale(), quick.alignment().spatial().scale(), 0.001, name);
        t.assertMeets(name, 100, 0, 0.1);
    }

    /**
     * Where the first placement on the reference frames is in doubt (a small inset: few of its places
     * agree), the rounds on all frames settle it, as before: the answer is theirs.
     */
    static Stream<Arguments> placedInDoubt() {
        PairSpec demo = PairSpec.demo().withAudio(false, false);
        return Stream.of(
                Arguments.of("half-size inset", demo.withGeometry(96, 54, 40.3, 21.6, 0.5)),
                Arguments.of("720p bg, small inset", demo.withBackground(1280, 720, 200)
                        .withGeometry(240, 136, 611.4, 300.8, 1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placedInDoubt")
    void aSmallInsetIsFoundAsOnAllFrames(String name, PairSpec spec) {
        Analyzer.Result r = analyse(name, Fixtures.pair("ref-" + name, spec), spec);
        TruthScore.of(r.alignment(), spec).assertMeets(name, 100, 0, 0.1);
    }

    /** A phone's jittered frame times at the bg's very rate: never a shift, so not looked at. */
    @org.junit.jupiter.api.Test
    void aVariableRateIsNotLookedAt() {
        TimeMaps.Vfr phone = TimeMaps.variableRate(21, 150, FPS25, FPS25, 20.1, 0, 0, 0.3);
        PairSpec spec = PairSpec.demo().withAudio(false, false).withTimes(phone.nominal(), phone.times(), phone.map());
        Analyzer.Result r = analyse("jittered times", Fixtures.pair("ref-jitter", spec), spec);
        assertEquals(0, r.bgReferenceFrames());
        assertEquals(0, r.timings().referenceNotTaken());
        TruthScore.of(r.alignment(), spec).assertMeets("jittered times", 100, 0, 0.1);
    }

    static Stream<Arguments> notShifts() {
        PairSpec demo = PairSpec.demo().withAudio(false, false);
        int[] shift = TimeMaps.linear(150, 30, 1.0);
        return Stream.of(
                Arguments.of("one fg frame dropped", demo.withMap(FPS25, TimeMaps.withCut(shift, 70, 1))),
                Arguments.of("one bg frame shown twice", demo.withMap(FPS25, TimeMaps.withCut(shift, 70, -1))),
                Arguments.of("a 10-frame cut", demo.withMap(FPS25, TimeMaps.withCut(shift, 90, 10))),
                Arguments.of("3 % drift", demo.withMap(FPS25, TimeMaps.drifting(150, 30, 1.0, 0.03))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notShifts")
    void anythingElseInTimeIsLeftToAllFrames(String name, PairSpec spec) {
        GeneratedPair pair = Fixtures.pair("ref-not-" + name, spec);
        Analyzer.Result r = analyse(name, pair, spec);
        assertEquals(0, r.bgReferenceFrames(), name + ": all frames decided");
        assertTrue(r.timings().referenceNotTaken() > 0, name + ": the reference frames were looked at first");
        Analyzer.Result all = analyzer.everyFrame().analyze(source(pair, true), source(pair, false),
                AnalysisOptions.defaults(), AnalysisProgress.NONE);
        assertArrayEquals(all.alignment().temporal().map(), r.alignment().temporal().map(), name);
    }

    /** The analysis as a user gets it, with what it decoded printed. */
    private Analyzer.Result analyse(String name, GeneratedPair pair, PairSpec spec) {
        Analyzer.Result r = analyzer.analyze(source(pair, true), source(pair, false), AnalysisOptions.defaults(),
                AnalysisProgress.NONE);
        System.out.printf("%s: %d reference frames decoded, %.2f s on them not taken; exact %.1f%%%n", name,
                r.bgReferenceFrames(), r.timings().referenceNotTaken(), TruthScore.of(r.alignment(), spec).share());
        return r;
    }

    private FfmpegClipSource source(GeneratedPair pair, boolean bg) {
        return new FfmpegClipSource(probe.probe(bg ? pair.background() : pair.foreground()));
    }
}
