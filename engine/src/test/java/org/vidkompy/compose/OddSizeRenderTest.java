package org.vidkompy.compose;

import org.vidkompy.media.Clip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.OddCrop;

/** A 319x179 bg renders: the output is padded to 320x180 by repeating the last column and row. */
class OddSizeRenderTest {

    private static final int W = 319;
    private static final int H = 179;

    @TempDir
    Path dir;

    @Test
    void oddBgIsPaddedToEven() {
        GeneratedPair p = Fixtures.demo();
        Path bg = OddCrop.write(p.background(), W, H, 25, dir.resolve("odd.nut"));
        MediaClip bi = new VideoProbe().probe(bg);
        assertEquals(W, bi.width());
        assertEquals(H, bi.height());
        Alignment truth = TruthAlignment.of(p);
        Alignment odd = new Alignment(new Clip(bg.toString(), W, H, 25, bi.frameCount()),
                truth.foreground(), truth.spatial(), truth.temporal());
        RenderResult r = new Renderer(new VideoProbe()).render(bg, p.foreground(), odd, null,
                RenderOptions.to(dir.resolve("out.mp4")).withQuality(18, "veryfast").withAudio(AudioMode.NONE),
                RenderListener.NONE);
        assertTrue(r.padded());
        assertEquals(320, r.width());
        assertEquals(180, r.height());
        assertEquals("output padded to 320x180 (H.264 4:2:0 needs even sizes)", r.paddingNote());

        Decoded out = Decoded.of(r.output());
        Decoded src = Decoded.of(bg);
        assertEquals(320, out.width());
        assertEquals(180, out.height());
        assertEquals(150, out.count());
        // The demo map puts fg frame i over bg frame 30 + i; the fg (160x90 at 83.4,47.7, plus the
        // feather) is left out, everything else is the bg.
        for (int i : new int[] {0, 75, 149}) {
            byte[] o = out.frame(i);
            byte[] b = src.frame(30 + i);
            double visible = 0;
            int nv = 0;
            double padding = 0;
            int np = 0;
            for (int y = 0; y < 180; y++) {
                for (int x = 0; x < 320; x++) {
                    if (x >= 80 && x < 248 && y >= 44 && y < 142) {
                        continue;
                    }
                    // The padded column and row repeat the bg's last column and row.
                    int sx = Math.min(x, W - 1);
                    int sy = Math.min(y, H - 1);
                    for (int c = 0; c < 3; c++) {
                        int d = Math.abs((o[(y * 320 + x) * 3 + c] & 0xff) - (b[(sy * W + sx) * 3 + c] & 0xff));
                        if (x < W && y < H) {
                            visible += d;
                            nv++;
                        } else {
                            padding += d;
                            np++;
                        }
                    }
                }
            }
            assertTrue(visible / nv < 3, "frame " + i + ": visible region differs from the bg by " + visible / nv);
            assertTrue(padding / np < 4, "frame " + i + ": padding differs from the bg's edge by " + padding / np);
        }
    }
}
