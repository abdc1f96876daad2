package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.AnalysisProgress;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.Remux;

/**
 * Phone footage: the demo pair with both files stored landscape and tagged to be shown turned a
 * quarter clockwise. Analysis works on the pictures as shown, and the output is the shown
 * composite, upright without a tag.
 */
class RotatedPairTest {

    @TempDir
    Path dir;

    @Test
    void portraitPairAlignsAndRendersUpright() {
        GeneratedPair p = Fixtures.demo();
        PairSpec s = p.spec();
        Path bg = Remux.to("mp4").rotated(90, false).write(p.background(), dir.resolve("bg.mp4"));
        Path fg = Remux.to("mp4").rotated(90, false).write(p.foreground(), dir.resolve("fg.mp4"));
        int sw = s.bgHeight();
        int sh = s.bgWidth();
        // Turned clockwise, a stored point (u, v) shows at (H - v, u): the fg's stored box
        // [83.4, 243.4] x [47.7, 137.7] shows as [42.3, 132.3] x [83.4, 243.4].
        double tx = s.bgHeight() - (s.y() + s.fgHeight() * s.scale());
        double ty = s.x();
        assertEquals(42.3, tx, 1e-9);

        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        Alignment a = analysis.run(bg, fg, AnalysisOptions.defaults(), null, AnalysisProgress.NONE, w -> { })
                .alignment();
        assertEquals(sw, a.background().width());
        assertEquals(sh, a.background().height());
        assertEquals(s.fgHeight(), a.foreground().width());
        assertEquals(s.fgWidth(), a.foreground().height());
        double off = Math.hypot(a.spatial().x() - tx, a.spatial().y() - ty);
        assertTrue(off <= 0.5, "placed at " + a.spatial() + ", truth (" + tx + ", " + ty + "): off by " + off);
        assertEquals(1.0, a.spatial().scale(), 0.005);
        Scene scene = new Scene(s.seed(), s.bgWidth(), s.bgHeight());
        int[] map = a.temporal().map();
        int[] truth = s.map();
        assertEquals(truth.length, map.length);
        int exact = 0;
        for (int i = 0; i < truth.length; i++) {
            if (map[i] == truth[i] || scene.sceneTime(map[i]) == scene.sceneTime(truth[i])) {
                exact++;
            }
        }
        assertTrue(exact >= 0.99 * truth.length, "only " + exact + " of " + truth.length + " frames exact");

        RenderResult r = new Renderer(new VideoProbe()).render(bg, fg, a, null,
                RenderOptions.to(dir.resolve("out.mp4")).withQuality(18, "veryfast").withAudio(AudioMode.NONE),
                RenderListener.NONE);
        MediaClip o = new VideoProbe().probe(r.output());
        assertEquals(sw, o.width());
        assertEquals(sh, o.height());
        assertEquals(0, o.rotation(), "the output needs no tag to play upright");
        Decoded out = Decoded.of(r.output());
        assertEquals(truth.length, out.count());
        // Against the generator's scene, turned as players turn the inputs: the fg region (inside
        // the feather) shows fg frame i, the rest the bg frame the analysis put under it. Two crf 18
        // generations leave about 33 dB; the picture turned the other way round gives about 14.
        byte[] stored = new byte[s.bgWidth() * s.bgHeight() * 3];
        byte[] under = new byte[stored.length];
        int x0 = (int) Math.ceil(tx) + 2;
        int y0 = (int) Math.ceil(ty) + 2;
        int x1 = (int) Math.floor(tx + s.fgHeight()) - 2;
        int y1 = (int) Math.floor(ty + s.fgWidth()) - 2;
        for (int i = 0; i < out.count(); i += 10) {
            scene.renderRgb(truth[i], Viewport.full(s.bgWidth(), s.bgHeight()), stored);
            scene.renderRgb(map[i], Viewport.full(s.bgWidth(), s.bgHeight()), under);
            byte[] frame = out.frame(i);
            double fgPsnr = Images.psnr(frame, turnCw(stored, s.bgWidth(), s.bgHeight()), sw, x0, y0, x1, y1);
            byte[] shown = turnCw(under, s.bgWidth(), s.bgHeight());
            double allPsnr = Images.psnr(frame, shown, sw, 0, 0, sw, sh);
            // Stored turned counter-clockwise: the shown picture turned half round.
            byte[] wrongWay = turnCw(turnCw(shown, sw, sh), sh, sw);
            double wrongPsnr = Images.psnr(frame, wrongWay, sw, 0, 0, sw, sh);
            assertTrue(fgPsnr >= 30, "frame " + i + ": fg region PSNR " + fgPsnr);
            assertTrue(allPsnr >= 30, "frame " + i + ": PSNR " + allPsnr);
            assertTrue(wrongPsnr < 20, "frame " + i + ": turned the other way it matches too (" + wrongPsnr + ")");
        }
    }

    /** A packed RGB picture turned a quarter clockwise: shown (x, y) is stored (y, h - 1 - x). */
    private static byte[] turnCw(byte[] src, int w, int h) {
        byte[] out = new byte[src.length];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < h; x++) {
                System.arraycopy(src, (y + (h - 1 - x) * w) * 3, out, (y * h + x) * 3, 3);
            }
        }
        return out;
    }
}
