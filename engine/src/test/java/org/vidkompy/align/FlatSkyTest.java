package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.media.Alignment;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.testkit.SkyPair;

/**
 * An fg cut from a clear sky: with no detail in any frame there is nothing to place it by, and it is not
 * found (rather than put wherever a guess fell); with the detail of a title picture in its first frames
 * it is placed by those.
 *
 * <p>Guards: both passed before unmeasured placements were refused ({@link NotFoundRule#checkMeasured})
 * and ranked last ({@link PlacementChoice}); the real clips that needed those (a sky patch of a film's
 * opening "found" 300 px off, one under its title 54 px off) are in the README. The generator's sky is
 * either flat to the coarse search too, or keeps enough faint detail through its fade to be placed.
 */
class FlatSkyTest {

    private static final int FRAMES = 72;

    @TempDir
    Path dir;

    private final PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);

    @Test
    void skyAloneIsNotFound() {
        SkyPair sky = new SkyPair(7, FRAMES);
        Path bg = sky.writeBg(dir.resolve("bg.mp4"), 18);
        Path fg = sky.writeFg(dir.resolve("fg.mp4"), SkyPair.FADE_TO + 4, 36, 200, 16, 64, 36, 18);
        assertThrows(NoMatchException.class,
                () -> analysis.run(bg, fg, AnalysisOptions.defaults(), null, AnalysisProgress.NONE, q -> { }));
    }

    @Test
    void skyUnderATitleIsPlacedByTheTitle() {
        SkyPair sky = new SkyPair(7, FRAMES);
        Path bg = sky.writeBg(dir.resolve("bg.mp4"), 18);
        Path fg = sky.writeFg(dir.resolve("fg.mp4"), 0, FRAMES, 200, 16, 64, 36, 18);
        Alignment a = analysis.run(bg, fg, AnalysisOptions.defaults(), null, AnalysisProgress.NONE, q -> { })
                .alignment();
        int[] map = a.temporal().map();
        int exact = 0;
        for (int i = 0; i <= SkyPair.FADE_FROM; i++) {
            exact += map[i] == i ? 1 : 0;
        }
        System.out.printf("sky under a title: dx %+.3f dy %+.3f scale %.4f, %d of %d title frames exact%n",
                a.spatial().x() - 200, a.spatial().y() - 16, a.spatial().scale(), exact, SkyPair.FADE_FROM + 1);
        assertEquals(200, a.spatial().x(), 0.5);
        assertEquals(16, a.spatial().y(), 0.5);
        assertEquals(1, a.spatial().scale(), 0.005);
        assertTrue(exact >= SkyPair.FADE_FROM, exact + " title frames exact");
    }
}
