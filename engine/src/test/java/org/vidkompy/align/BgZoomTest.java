package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.Plane;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.media.Clip;
import org.vidkompy.media.ClipSource;
import org.vidkompy.media.FfmpegClipSource;
import org.vidkompy.media.Footprint;
import org.vidkompy.testkit.CutClip;

/**
 * The region around a small footprint, decoded once in parts, holds every frame's pixels exactly as a
 * decode of that region alone does; footprints inside it reuse it, others decode their own.
 */
class BgZoomTest {

    private static final int FRAMES = 240;

    @TempDir
    static Path dir;
    static ClipSource bg;

    @BeforeAll
    static void write() {
        bg = new FfmpegClipSource(new VideoProbe().probe(CutClip.write(dir.resolve("bg.mp4"), 320, 180, FRAMES, 80, 160)));
    }

    @Test
    void holdsWhatADecodeOfTheRegionHolds() {
        Footprint area = new Footprint(100.4, 60.7, 20.5, 11.3);
        BgZoom zoom = BgZoom.capture(bg, area);
        assertNotNull(zoom);
        PixelRect region = BgZoom.region(area, bg.info());
        assertEquals(new PixelRect(68, 28, 85, 76), region, "the footprint and 32 px (at least) around it");
        assertEquals(FRAMES, zoom.store().size());
        List<byte[]> direct = new ArrayList<>();
        bg.scan(List.of(new ClipSource.Thumb(region, region.width(), region.height())), (i, t, planes, whole) -> {
            float[] d = planes[0].data();
            byte[] b = new byte[d.length];
            for (int k = 0; k < d.length; k++) {
                b[k] = (byte) Math.round(d[k]);
            }
            direct.add(b);
        });
        assertEquals(FRAMES, direct.size());
        int n = region.width() * region.height();
        for (int i = 0; i < FRAMES; i++) {
            byte[] stored = Arrays.copyOfRange(zoom.store().chunk(i), zoom.store().offset(i), zoom.store().offset(i) + n);
            assertArrayEquals(direct.get(i), stored, "frame " + i);
        }
        // A cut of the footprint from the zoom: the frames differ (a cut every 80 frames), and so do their cuts.
        Plane a = Plane.allocate(8, 8);
        Plane b = Plane.allocate(8, 8);
        zoom.sampler(area, 8, 8).apply(zoom.store().chunk(10), zoom.store().offset(10), a);
        zoom.sampler(area, 8, 8).apply(zoom.store().chunk(200), zoom.store().offset(200), b);
        assertTrue(!Arrays.equals(a.data(), b.data()), "another scene, another cut");
    }

    @Test
    void footprintsInsideReuseTheZoomOthersDecodeTheirOwn() {
        BgZoom.Cache cache = new BgZoom.Cache();
        BgZoom first = cache.around(bg, new Footprint(100, 60, 20, 12));
        assertSame(first, cache.around(bg, new Footprint(103.5, 58.25, 20.2, 12.1)), "a few pixels on: the same");
        assertTrue(first.covers(new Footprint(70, 30, 20, 12)));
        assertTrue(!first.covers(new Footprint(200, 120, 20, 12)));
        assertNotSame(first, cache.around(bg, new Footprint(200, 120, 20, 12)), "elsewhere: decoded again");
    }

    @Test
    void aRegionOverTheBudgetIsNotKept() {
        Footprint area = new Footprint(900, 500, 64, 36);
        // 192x164 pixels (64 px around a 64x36 footprint) for a minute and for ten minutes of 24 fps.
        assertEquals(new PixelRect(836, 436, 192, 164), BgZoom.region(area, new Clip("bg", 1920, 1080, 24, 1440)));
        assertNull(BgZoom.region(area, new Clip("bg", 1920, 1080, 24, 14400)));
    }
}
