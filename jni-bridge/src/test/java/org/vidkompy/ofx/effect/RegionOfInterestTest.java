package org.vidkompy.ofx.effect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The Source region a render window needs, through the placement, at any render scale. */
class RegionOfInterestTest {
    private static final double[] FG = {0, 0, 64, 48};
    private static final double[] BG = {0, 0, 128, 96};

    @Test
    void windowOverTheWholeFgNeedsAllOfIt() {
        Overlay p = new Overlay(Overlay.controls(10, 20, 1), 0, FG, BG);
        assertArrayEquals(FG, AlignInstance.sourceRegion(p, BG, new double[] {1, 1}));
    }

    @Test
    void aBandMapsBackThroughOffsetAndScaleWithTheKernelsSupport() {
        // fg top at bg y=20 (down), scale 2: bg rows (y up) 40..60 are fg rows from the top (96-20-60)/2=8 .. 18
        Overlay p = new Overlay(Overlay.controls(0, 20, 2), 0, FG, BG);
        double[] r = AlignInstance.sourceRegion(p, new double[] {0, 40, 128, 60}, new double[] {1, 1});
        // fg y (up) = 48 - v: 30..40, padded by 2 + 2 fg pixels
        assertArrayEquals(new double[] {0, 26, 64, 44}, r);
        // at half render scale the same padding counts twice in canonical pixels
        r = AlignInstance.sourceRegion(p, new double[] {0, 40, 128, 60}, new double[] {0.5, 0.5});
        assertArrayEquals(new double[] {0, 22, 64, 48}, r);
    }

    @Test
    void aWindowBesideTheFgNeedsNothing() {
        Overlay p = new Overlay(Overlay.controls(0, 0, 1), 0, FG, BG);
        double[] r = AlignInstance.sourceRegion(p, new double[] {0, 0, 128, 30}, new double[] {1, 1});
        assertArrayEquals(new double[] {0, 0, 0, 0}, r);
    }
}
