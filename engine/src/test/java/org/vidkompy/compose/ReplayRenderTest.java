package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.media.Alignment;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;

/**
 * The render follows a map that jumps back (a replay): the bg cursor seeks back and every output frame
 * shows the mapped bg frame around the fg, right after the jump too.
 */
class ReplayRenderTest {

    @TempDir
    Path dir;

    @Test
    void theBgAroundTheFgFollowsAJumpBack() {
        // Two jumps back (one of 3 s, to before the first frame's moment) and one forward.
        int[] map = TimeMaps.withCut(TimeMaps.withCut(TimeMaps.withCut(TimeMaps.linear(120, 90, 1.0), 40, -75), 70,
                60), 100, -20);
        PairSpec spec = PairSpec.demo().withAudio(false, false).withMap(new Rational(25, 1), map);
        GeneratedPair pair = Fixtures.pair("replay-render", spec);
        Alignment truth = TruthAlignment.of(pair);
        RenderResult result = new Renderer(new VideoProbe()).render(pair.background(), pair.foreground(), truth, null,
                RenderOptions.to(dir.resolve("out.mp4")).withQuality(18, "veryfast"), RenderListener.NONE);
        Decoded out = Decoded.of(result.output());
        Decoded bg = Decoded.of(pair.background());
        assertEquals(map.length, out.count());
        for (int i = 0; i < out.count(); i++) {
            // The bg frame is the one nearest around the fg, among all bg frames.
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int b = 0; b < bg.count(); b++) {
                double d = outsideDifference(out.frame(i), bg.frame(b));
                if (d < bestD) {
                    bestD = d;
                    best = b;
                }
            }
            assertEquals(map[i], best, "output frame " + i + " shows bg frame " + best + " around the fg");
        }
        assertTrue(truth.jumps().stream().filter(j -> j.backward()).count() == 2, "two jumps back: " + truth.jumps());
    }

    /** Mean difference outside the demo fg (160x90 at 83.4, 47.7) with 2 px of slack. */
    private static double outsideDifference(byte[] a, byte[] b) {
        double s = 0;
        long n = 0;
        for (int y = 0; y < 180; y += 2) {
            for (int x = 0; x < 320; x += 2) {
                if (x >= 81 && x < 246 && y >= 45 && y < 140) {
                    continue;
                }
                int p = (y * 320 + x) * 3;
                for (int c = 0; c < 3; c++) {
                    s += Math.abs((a[p + c] & 0xff) - (b[p + c] & 0xff));
                    n++;
                }
            }
        }
        return s / n;
    }
}
