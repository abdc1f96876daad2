package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.Reencode;

/**
 * A phone clip stored turned a quarter without the tag that turns it back is not the bg's picture:
 * "not found", not a place where a sliver of it happens to fit.
 */
class TurnedFgTest {

    @TempDir
    Path dir;

    @Test
    void aPictureTurnedWithoutATagIsNotFound() {
        GeneratedPair p = Fixtures.demo();
        Path turned = turn(p.foreground(), dir.resolve("turned.mp4"));
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        NoMatchException e = assertThrows(NoMatchException.class, () -> analysis.run(p.background(), turned,
                AnalysisOptions.defaults(), null, AnalysisProgress.NONE, w -> { }));
        assertTrue(e.getMessage().startsWith("no overlap found"), e.getMessage());
    }

    /** Every frame turned a quarter clockwise, stored so, with no display tag. */
    private static Path turn(Path in, Path out) {
        int w = 160;
        int h = 90;
        return Reencode.at(w, h).to(h, w).write(in, out, (src, turned) -> {
            for (int y = 0; y < w; y++) {
                for (int x = 0; x < h; x++) {
                    int s = ((h - 1 - x) * w + y) * 3;
                    int d = (y * h + x) * 3;
                    turned.put(d, src.get(s));
                    turned.put(d + 1, src.get(s + 1));
                    turned.put(d + 2, src.get(s + 2));
                }
            }
        });
    }
}
