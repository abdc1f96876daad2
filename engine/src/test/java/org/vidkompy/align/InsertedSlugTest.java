package org.vidkompy.align;

import com.google.inject.Guice;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
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
import org.vidkompy.testkit.Slug;
import org.vidkompy.testkit.TruthScore;

/**
 * An fg with frames edited into it that show nothing of the bg: a black slug, a white flash or a test
 * card inserted where the bg then goes on from where it stopped, black or a card laid over footage
 * while the bg runs on, a cut to a later moment behind the black, a fade to black and back. Nothing in
 * those frames says what the bg did meanwhile; every other frame must still sit on its own bg frame.
 */
class InsertedSlugTest {

    private static final Rational FPS25 = new Rational(25, 1);

    @TempDir
    Path dir;

    /** {@code map} with {@code frames} frames inserted at {@code at}, holding the bg frame before them. */
    static int[] inserted(int[] map, int at, int frames) {
        int[] out = new int[map.length + frames];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < at ? map[i] : i < at + frames ? map[at - 1] : map[i - frames];
        }
        return out;
    }

    static Stream<Arguments> cases() {
        PairSpec base = PairSpec.demo().withAudio(false, false);
        return Stream.of(
                Arguments.of("2 s of black inserted, the bg stops",
                        base.withMap(FPS25, inserted(TimeMaps.linear(140, 20, 1.0), 60, 50)), Slug.black(60, 110)),
                Arguments.of("black over 40 frames, the bg runs on",
                        base.withMap(FPS25, TimeMaps.linear(170, 20, 1.0)), Slug.black(60, 100)),
                Arguments.of("black inserted, a forward cut behind it",
                        base.withBackground(320, 180, 260).withMap(FPS25,
                                TimeMaps.withCut(inserted(TimeMaps.linear(140, 20, 1.0), 60, 40), 100, 50)),
                        Slug.black(60, 100)),
                Arguments.of("a white flash of 6 frames inserted",
                        base.withMap(FPS25, inserted(TimeMaps.linear(160, 20, 1.0), 80, 6)),
                        Slug.black(80, 86).at(255)),
                Arguments.of("a fade to black and back around an inserted second",
                        base.withMap(FPS25, inserted(TimeMaps.linear(150, 20, 1.0), 70, 25)),
                        Slug.black(70, 95).fading(8)),
                Arguments.of("30 fps over 25, 1 s of black inserted",
                        base.withMap(new Rational(30, 1), inserted(TimeMaps.linear(150, 20, 25 / 30.0), 75, 30)),
                        Slug.black(75, 105)),
                Arguments.of("12.5 fps (every other bg frame), black inserted",
                        base.withMap(new Rational(25, 2), inserted(TimeMaps.linear(80, 10, 2.0), 40, 12)),
                        Slug.black(40, 52)),
                Arguments.of("a test card inserted for 1.5 s, the bg stops",
                        base.withMap(FPS25, inserted(TimeMaps.linear(140, 20, 1.0), 70, 38)),
                        Slug.black(70, 108).card()),
                Arguments.of("a test card over 30 frames, the bg runs on",
                        base.withMap(FPS25, TimeMaps.linear(160, 20, 1.0)), Slug.black(50, 80).card()),
                Arguments.of("a 64x36 inset, 2 s of black inserted",
                        base.withGeometry(64, 36, 150.3, 70.6, 1.0)
                                .withMap(FPS25, inserted(TimeMaps.linear(140, 20, 1.0), 50, 50)),
                        Slug.black(50, 100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFrameWithAPictureOnItsBgFrame(String name, PairSpec spec, Slug slug) {
        GeneratedPair p = Fixtures.pair("slug-" + name.replaceAll("\\W+", "-"), spec);
        Path fg = slug.write(p.foreground(), dir.resolve("slug.mp4"), spec.fgWidth(), spec.fgHeight());
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        Alignment a = analysis.run(p.background(), fg, AnalysisOptions.defaults(), null, AnalysisProgress.NONE,
                w -> { }).alignment();
        TruthScore t = TruthScore.of(a, spec, slug::covers);
        System.out.printf("%-52s exact %.1f%% (%d/%d) worst %d, at (%+.3f, %+.3f)%n", name, t.share(), t.exact(),
                t.frames(), t.worst(), t.dx(), t.dy());
        t.assertMeets(name, 99.5, 1, 0.25);
    }
}
