package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.AnalysisProgress;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.media.Alignment;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.testkit.Anamorphic;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.TruthScore;

/**
 * Non-square pixels (anamorphic SD, HDV, a TV version against a master): the demo pair with one of
 * its files stored squeezed and tagged with the pixel aspect that shows it as it was. The placement
 * is found in the bg's pixels, the map is the same, and the output keeps the bg's pixel aspect.
 */
class AnamorphicPairTest {

    @TempDir
    static Path dir;
    static GeneratedPair pair;
    static PairAnalysis analysis;

    @BeforeAll
    static void generate() {
        pair = Fixtures.demo();
        analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
    }

    /** A 160x90 fg stored 120x90 with 4:3 pixels, on the square 320x180 bg: read 160x90 wide. */
    @Test
    void squeezedFgIsPlacedAsShown() {
        PairSpec s = pair.spec();
        Path fg = Anamorphic.store(pair.foreground(), dir.resolve("fg43.mp4"), s.fgWidth() * 3 / 4, s.fgHeight(),
                new Rational(4, 3));
        MediaClip probed = new VideoProbe().probe(fg);
        assertEquals(new Rational(4, 3), probed.pixelAspect());
        assertEquals(s.fgWidth() * 3 / 4, probed.width());

        Alignment a = analyse(pair.background(), fg);
        assertEquals(s.fgWidth(), a.foreground().width(), "the fg is analysed as wide as it is shown");
        assertEquals(s.fgHeight(), a.foreground().height());
        assertPlaced(a, s.x(), s.y(), s.scale());
        assertMap(a);
        MediaClip out = render(pair.background(), fg, a);
        assertEquals(s.bgWidth(), out.width());
        assertEquals(MediaClip.SQUARE, out.pixelAspect());
    }

    /**
     * The bg stored 240x180 with 4:3 pixels, the fg square: the fg, made taller to match the bg's
     * pixels (160x120), covers 120x90 of them at (x * 3/4, y); the output stays 240x180 at 4:3.
     */
    @Test
    void squeezedBgKeepsItsPixelsAndTheFgIsFitted() {
        PairSpec s = pair.spec();
        Path bg = Anamorphic.store(pair.background(), dir.resolve("bg43.mp4"), s.bgWidth() * 3 / 4, s.bgHeight(),
                new Rational(4, 3));
        Alignment a = analyse(bg, pair.foreground());
        assertEquals(s.fgWidth(), a.foreground().width());
        assertEquals(s.fgHeight() * 4 / 3, a.foreground().height(), "the fg is stretched, never squeezed");
        assertPlaced(a, s.x() * 0.75, s.y(), s.scale() * 0.75);
        assertMap(a);
        MediaClip out = render(bg, pair.foreground(), a);
        assertEquals(s.bgWidth() * 3 / 4, out.width());
        assertEquals(s.bgHeight(), out.height());
        assertEquals(new Rational(4, 3), out.pixelAspect(), "players show the output as wide as the bg");
    }

    /**
     * The pixel aspects footage comes with, wider and narrower than square (PAL and NTSC DVD and DV,
     * 4:3 and widescreen; HDV), on the square bg. The fg's stored width is the 160 columns it shows
     * as, at that aspect; where the placed size is rounded, the scale follows the height.
     */
    @ParameterizedTest(name = "fg pixels {0}:{1}")
    @CsvSource({"64,45", "32,27", "16,15", "8,9", "10,11"})
    void fgPixelAspects(int num, int den) {
        PairSpec s = pair.spec();
        Rational sar = new Rational(num, den);
        int stored = (int) Math.round(s.fgWidth() / sar.toDouble());
        Path fg = Anamorphic.store(pair.foreground(), dir.resolve("fg" + num + "-" + den + ".mp4"), stored,
                s.fgHeight(), sar);
        Alignment a = analyse(pair.background(), fg);
        MediaClip placed = new VideoProbe().probe(fg).placedOn(new VideoProbe().probe(pair.background()));
        assertEquals(placed.width(), a.foreground().width());
        assertEquals(placed.height(), a.foreground().height());
        assertPlaced(a, s.x(), s.y(), s.scale() * s.fgHeight() / placed.height(), 0.35, 0.005);
        assertMap(a);
    }

    /**
     * A letterboxed fg stored squeezed: its content box, found in the fg as placed, is cropped from
     * the file's narrower picture.
     */
    @Test
    void squeezedLetterboxedFg() {
        PairSpec s = PairSpec.demo().withAudio(false, false).withGeometry(192, 128, 60.4, 20.3, 1.0).withBars(0, 14);
        GeneratedPair p = Fixtures.pair("anamorphic-letterboxed", s);
        Path fg = Anamorphic.store(p.foreground(), dir.resolve("fg43lb.mp4"), 144, 128, new Rational(4, 3));
        Alignment a = analyse(p.background(), fg);
        assertEquals(192, a.foreground().width());
        assertPlaced(a, s.x(), s.y(), s.scale());
        assertMap(a, s);
    }

    /** Both squeezed alike: nothing is resampled, the placement is the squeezed truth. */
    @Test
    void equalAspectsNeedNoResampling() {
        PairSpec s = pair.spec();
        Rational wide = new Rational(4, 3);
        Path bg = Anamorphic.store(pair.background(), dir.resolve("bg43b.mp4"), s.bgWidth() * 3 / 4, s.bgHeight(), wide);
        Path fg = Anamorphic.store(pair.foreground(), dir.resolve("fg43b.mp4"), s.fgWidth() * 3 / 4, s.fgHeight(),
                wide);
        MediaClip b = new VideoProbe().probe(bg);
        MediaClip f = new VideoProbe().probe(fg);
        assertEquals(f, f.placedOn(b));
        Alignment a = analyse(bg, fg);
        assertEquals(s.fgWidth() * 3 / 4, a.foreground().width());
        assertPlaced(a, s.x() * 0.75, s.y(), s.scale());
        assertMap(a);
    }

    private static Alignment analyse(Path bg, Path fg) {
        return analysis.run(bg, fg, AnalysisOptions.defaults(), null, AnalysisProgress.NONE, w -> { }).alignment();
    }

    /** Within a quarter of a bg pixel: each squeezed file went through one more resampling and encode. */
    private static void assertPlaced(Alignment a, double x, double y, double scale) {
        assertPlaced(a, x, y, scale, 0.25, 0.003);
    }

    private static void assertPlaced(Alignment a, double x, double y, double scale, double px, double share) {
        double off = Math.hypot(a.spatial().x() - x, a.spatial().y() - y);
        assertTrue(off <= px, "placed at " + a.spatial() + ", truth (" + x + ", " + y + "): off by " + off);
        assertEquals(scale, a.spatial().scale(), share * scale, "scale of " + a.spatial());
    }

    private static void assertMap(Alignment a) {
        assertMap(a, pair.spec());
    }

    private static void assertMap(Alignment a, PairSpec s) {
        TruthScore t = TruthScore.of(a, s);
        assertTrue(t.share() >= 99, "only " + t.exact() + " of " + t.frames() + " frames exact");
    }

    private static MediaClip render(Path bg, Path fg, Alignment a) {
        Path out = dir.resolve("out-" + bg.getFileName() + "-" + fg.getFileName());
        RenderResult r = new Renderer(new VideoProbe()).render(bg, fg, a, null,
                RenderOptions.to(out).withQuality(18, "veryfast").withAudio(AudioMode.NONE), RenderListener.NONE);
        return new VideoProbe().probe(r.output());
    }
}
