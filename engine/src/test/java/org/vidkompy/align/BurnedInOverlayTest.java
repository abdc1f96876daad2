package org.vidkompy.align;

import com.google.inject.Guice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.media.Alignment;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.Reencode;
import org.vidkompy.testkit.TruthScore;

/**
 * A TV version as the bg: the picture with a channel's logo and a translucent subtitle bar burned in,
 * the fg the clean master's crop. The bar covers a sixth of the fg; its pixels are left out once the
 * pairs show them missing, and the fg is placed and timed as without it.
 */
class BurnedInOverlayTest {

    @TempDir
    Path dir;

    @Test
    void logoAndSubtitleBarInTheBg() {
        PairSpec s = PairSpec.demo().withAudio(false, false).withGeometry(200, 120, 60.4, 30.3, 1.0);
        GeneratedPair p = Fixtures.pair("overlay-clean", s);
        // The bar: 70 % black over the bg's rows 125-147, columns 40-280 (the fg's rows 95-117 of 120);
        // the logo: opaque white at columns 276-306, rows 10-30.
        Path bg = burnIn(p.background(), dir.resolve("tv.mp4"), s.bgWidth(), s.bgHeight());
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        Alignment a = analysis.run(bg, p.foreground(), AnalysisOptions.defaults(), null, AnalysisProgress.NONE,
                w -> { }).alignment();
        TruthScore.of(a, s).assertMeets("logo and subtitle bar in the bg", 99, 1, 0.25, 0.003);
    }

    private static Path burnIn(Path in, Path out, int w, int h) {
        return Reencode.at(w, h).write(in, out, (read, px) -> {
            for (int k = 0; k < w * h * 3; k++) {
                px.put(k, read.get(k));
            }
            for (int y = 125; y < 147; y++) {
                for (int x = 40; x < 280; x++) {
                    for (int c = 0; c < 3; c++) {
                        int k = (y * w + x) * 3 + c;
                        px.put(k, (byte) Math.round((px.get(k) & 0xff) * 0.3));
                    }
                }
            }
            for (int y = 10; y < 30; y++) {
                for (int x = 276; x < 306; x++) {
                    for (int c = 0; c < 3; c++) {
                        px.put((y * w + x) * 3 + c, (byte) 235);
                    }
                }
            }
        });
    }
}
