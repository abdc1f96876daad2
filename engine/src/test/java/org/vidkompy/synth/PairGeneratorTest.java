package org.vidkompy.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoProbe;

/** The fixture kinds of the wide accuracy cases: their files and truth say what the spec says. */
class PairGeneratorTest {

    private static final Rational FPS25 = new Rational(25, 1);

    @Test
    void aVariableRateFgCarriesItsTimestamps(@TempDir Path dir) throws IOException {
        TimeMaps.Vfr vfr = TimeMaps.variableRate(5, 40, new Rational(30, 1), FPS25, 2.1, 0.2, 0.05, 0.3);
        PairSpec spec = new PairSpec(3, 96, 64, FPS25, 40, -1, -1, 48, 32, 20.3, 10.6, 1.0, FPS25,
                new int[] {0}, 1.0, 0, 0, 0, 0, 0, 18, false, false)
                .withTimes(vfr.nominal(), vfr.times(), vfr.map());
        GeneratedPair pair = new PairGenerator().generate(spec, dir);
        MediaClip fg = new VideoProbe().probe(pair.foreground());
        assertEquals(vfr.map().length, fg.frameCount());
        for (int j = 0; j < vfr.map().length; j++) {
            assertEquals(vfr.times().seconds(j), fg.times().seconds(j), 1e-4, "timestamp of fg frame " + j);
        }
    }

    @Test
    void mapsPickTheBgFrameNearestInTime() {
        assertArrayEquals(new int[] {20, 21, 21, 22, 22, 23}, TimeMaps.faster(6, 20, 2, 0.25));
        // One bg frame per fg frame, then two from fg frame 3 on.
        assertArrayEquals(new int[] {10, 11, 12, 13, 15, 17}, TimeMaps.ramp(6, 10, 1, 2, 3, 3));
        // Without jitter a 30 fps capture keeps its 1/30 s grid: frame k shows bg frame nearest 10 + k * 25/30.
        TimeMaps.Vfr vfr = TimeMaps.variableRate(1, 90, new Rational(30, 1), FPS25, 10, 0.2, 0.05, 0);
        assertTrue(vfr.map().length < 80, "frames were dropped");
        long first = Math.round(vfr.times().seconds(0) * 30);
        assertEquals(0, first, "the fg starts at its first kept frame");
        for (int j = 1; j < vfr.map().length; j++) {
            assertTrue(vfr.map()[j] >= vfr.map()[j - 1], "monotone");
        }
    }

    @Test
    void anOverhangingFgSeesPictureBeyondTheBgsEdge() {
        PairSpec spec = PairSpec.demo().withBackground(120, 90, 200).withGeometry(240, 90, -60, 0, 1.0);
        Scene scene = Scene.of(spec);
        byte[] rgb = new byte[240 * 90 * 3];
        scene.renderRgb(0, spec.contentViewport(), rgb);
        // The columns far left of the bg are real picture, not the texture's edge smeared: they vary.
        int distinct = (int) java.util.stream.IntStream.range(0, 30).map(x -> rgb[3 * (45 * 240 + x)] & 0xff)
                .distinct().count();
        assertTrue(distinct > 5, "columns left of the bg: " + distinct + " values");
    }

    @Test
    void noGradeIsTheIdentityAndAGradeChangesPixels() {
        byte[] rgb = {10, (byte) 128, (byte) 250, 60, 70, 80};
        double[] out = new double[6];
        Grade.gamma(0.5).apply(rgb, 2, 1, out);
        assertEquals(255 * Math.sqrt(10 / 255.0), out[0], 1e-9);
        Grade.saturation(0).apply(rgb, 2, 1, out);
        assertEquals(out[3], out[5], 1e-9);
        assertTrue(Grade.NONE.isIdentity());
        assertEquals(Grade.NONE, PairSpec.demo().grade());
    }
}
