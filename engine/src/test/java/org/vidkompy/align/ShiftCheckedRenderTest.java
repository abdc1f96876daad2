package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.compose.RenderCheck;
import org.vidkompy.compose.RenderListener;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.compose.Renderer;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Placement;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.TruthScore;

/**
 * {@code comp}'s look at a few seconds of a shifted pair and the render's check of every frame
 * ({@link ShiftGuess}, {@link ShiftCheck}), on generated pairs with a known answer: a shift is
 * rendered once and published with the true map and placement; anything else in time, or a placement
 * off, stops the render with nothing published.
 */
class ShiftCheckedRenderTest {

    private static final Rational FPS25 = new Rational(25, 1);
    /** fg and bg frames of the pairs here: long enough for a look at a few seconds to be cheap. */
    private static final int FG = 400;
    private static final int BG = 440;

    private final Injector injector = Guice.createInjector(new EngineModule());
    private final PairAnalysis analysis = injector.getInstance(PairAnalysis.class);
    private final Renderer renderer = injector.getInstance(Renderer.class);
    private final VideoProbe probe = new VideoProbe();

    @TempDir
    Path dir;

    /** A large crop: the blobs cross it all the time, so every frame shows a moment of its own. */
    private static PairSpec longDemo() {
        return PairSpec.demo().withAudio(false, false).withBackground(320, 180, BG)
                .withGeometry(288, 162, 16.3, 9.1, 1.0).withMap(FPS25, TimeMaps.linear(FG, 17, 1.0));
    }

    static Stream<Arguments> shifts() {
        PairSpec demo = longDemo();
        return Stream.of(
                Arguments.of("crop, 17 frames in", demo),
                Arguments.of("small crop, still at times", demo.withGeometry(160, 90, 83.4, 47.7, 1.0)),
                Arguments.of("crop to the bg's last frame", demo.withMap(FPS25, TimeMaps.linear(FG, BG - FG, 1.0))),
                Arguments.of("graded, noisy, crf 28", demo.withGrade(1.3, 12, 4).withCrf(28)),
                Arguments.of("fades in and out, letterboxed", demo.withFade(25).withBars(0, 12)),
                Arguments.of("scale 0.8, 1 frame in", demo.withGeometry(256, 144, 30.5, 17.2, 0.8)
                        .withMap(FPS25, TimeMaps.linear(FG, 1, 1.0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shifts")
    void aShiftIsRenderedOnceWithTheTrueMap(String name, PairSpec spec) throws Exception {
        GeneratedPair pair = Fixtures.pair("shift-" + name, spec);
        ShiftGuess.Guess g = guess(pair).orElseThrow(() -> new AssertionError(name + ": no guess"));
        assertEquals(spec.map()[0], g.shift(), name);
        assertTrue(g.fgFramesLooked() < FG / 3 && g.bgFramesLooked() < BG / 2, name + ": a look at a few seconds");
        ShiftCheck check = g.check();
        Path out = dir.resolve("out.mp4");
        render(pair, g.alignment(), out, check);
        assertTrue(Files.size(out) > 0);
        assertEquals(FG, probe.probe(out).frameCount());
        Alignment checked = check.checked();
        assertArrayEquals(spec.map(), checked.temporal().map(), name);
        assertTrue(checked.temporal().confidence() > 0.9, name + ": " + checked.temporal().confidence());
        TruthScore.of(checked, spec).assertMeets(name, 100, 0, 0.1);
        // The analysis of all frames finds the same.
        Alignment all = analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                AnalysisProgress.NONE, w -> { }).alignment();
        assertArrayEquals(all.temporal().map(), checked.temporal().map(), name);
        assertEquals(all.spatial().x(), checked.spatial().x(), 0.1, name);
        assertEquals(all.spatial().y(), checked.spatial().y(), 0.1, name);
    }

    static Stream<Arguments> notShifts() {
        PairSpec demo = longDemo();
        int[] shift = TimeMaps.linear(FG, 17, 1.0);
        // The look is at a few seconds about the middle, from a bg key frame (frame 250 here): these
        // happen outside them.
        return Stream.of(
                Arguments.of("one fg frame dropped late", demo.withMap(FPS25, TimeMaps.withCut(shift, 370, 1)), 362, 395),
                Arguments.of("one bg frame shown twice early", demo.withMap(FPS25, TimeMaps.withCut(shift, 40, -1)), 0,
                        48),
                Arguments.of("a 12-frame cut early", demo.withMap(FPS25, TimeMaps.withCut(shift, 60, 12)), 0, 68),
                Arguments.of("2 % drift", demo.withMap(FPS25, TimeMaps.drifting(FG, 17, 1.0, 0.02)), 0, FG));
    }

    /**
     * Whatever else the fg does in time outside the seconds looked at, the render stops near it and
     * publishes nothing; the analysis of all frames then has the answer.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notShifts")
    void anythingElseInTimeStopsTheRender(String name, PairSpec spec, int first, int last) throws Exception {
        GeneratedPair pair = Fixtures.pair("shift-not-" + name, spec);
        Optional<ShiftGuess.Guess> g = guess(pair);
        if (g.isEmpty()) {
            // Drift shows within a few seconds too: then there is no guess at all.
            System.out.printf("%s: the seconds looked at are not one shift: no guess%n", name);
            assertTrue(last == FG, name + ": the seconds looked at are a shift");
            return;
        }
        Path out = dir.resolve("out.mp4");
        RenderCheck.Refused r = assertThrows(RenderCheck.Refused.class,
                () -> render(pair, g.get().alignment(), out, g.get().check()));
        System.out.printf("%s: refused at fg frame %d: %s%n", name, r.fgFrame(), r.getMessage());
        assertTrue(r.fgFrame() >= first && r.fgFrame() <= last, name + ": stopped at " + r.fgFrame());
        assertFalse(Files.exists(out), name + ": nothing published");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), name + ": no temporary file left");
        }
    }

    /**
     * A render placed 0.15 px off is not published: the frames across the clip say where the fg lies.
     * (A quarter of a pixel across the pan already makes its frames match their neighbours better.)
     */
    @Test
    void aPlacementOffStopsThePublication() throws Exception {
        PairSpec spec = longDemo();
        GeneratedPair pair = Fixtures.pair("shift-crop, 17 frames in", spec);
        ShiftGuess.Guess g = guess(pair).orElseThrow();
        Alignment a = g.alignment();
        Placement p = a.spatial();
        Alignment off = new Alignment(a.background(), a.foreground(),
                new Placement(p.x(), p.y() + 0.15, p.scale(), p.confidence()), a.temporal());
        ShiftGuess.Guess moved = new ShiftGuess.Guess(off, g.shift(), g.fgFrom(), g.fgFramesLooked(),
                g.bgFramesLooked(), g.seconds(), g.timings(), g.contentBox(), g.placing());
        Path out = dir.resolve("out.mp4");
        RenderCheck.Refused r = assertThrows(RenderCheck.Refused.class,
                () -> render(pair, off, out, moved.check()));
        System.out.println("placed off: " + r.getMessage());
        assertTrue(r.getMessage().contains("0.15 px from where it was rendered"), r.getMessage());
        assertFalse(Files.exists(out));
    }

    /** Two clips of other rates are never one shift: no look. */
    @Test
    void anotherRateIsNotLookedAt() {
        PairSpec spec = longDemo().withMap(new Rational(30, 1), TimeMaps.linear(FG, 17, 25.0 / 30));
        assertTrue(guess(Fixtures.pair("shift-30fps", spec)).isEmpty());
    }

    private Optional<ShiftGuess.Guess> guess(GeneratedPair pair) {
        MediaClip bg = probe.probe(pair.background());
        MediaClip fg = probe.probe(pair.foreground());
        return analysis.guess(bg, fg, AnalysisOptions.defaults(), null, AnalysisProgress.NONE);
    }

    private void render(GeneratedPair pair, Alignment a, Path out, RenderCheck check) {
        MediaClip bg = probe.probe(pair.background());
        MediaClip fg = probe.probe(pair.foreground());
        try (OutputFile o = new OutputPolicy().claim(out, false, List.of(bg.path(), fg.path()))) {
            renderer.render(bg, fg, a, null, o, RenderOptions.to(out).withQuality(18, "ultrafast"),
                    RenderListener.NONE, check);
        }
    }
}
