package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.compose.RenderCheck;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.ToneCurve;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Placement;
import org.vidkompy.media.Timing;
import org.vidkompy.spatial.SpatialAligner;
import org.vidkompy.spatial.SpatialOptions;

/**
 * The render's check of a shift on frames made here, in both layouts a render composites in: a moving
 * texture, the fg a crop of it. The right shift passes; a frame dropped, or the fg placed a pixel
 * off, is refused; the refusal names the frame where it began.
 */
class ShiftCheckTest {

    /** bg and fg sizes, where the fg's frames were cut from, and how many fg frames. */
    private record Geometry(int bw, int bh, int fw, int fh, double x, double y, double scale, int n) {
    }

    private static final Geometry SMALL = new Geometry(192, 108, 96, 54, 40, 24, 1, 150);
    private static final int X = 40;
    private static final int Y = 24;
    private static final int N = SMALL.n();
    private static final int SHIFT = 9;

    private final SpatialAligner spatial = Guice.createInjector(new EngineModule()).getInstance(SpatialAligner.class);

    @ParameterizedTest
    @EnumSource(value = PixelLayout.class, names = {"YUV420P", "YUV420P10"})
    void theRightShiftPasses(PixelLayout layout) {
        ShiftCheck check = check(SMALL, X, Y, SHIFT);
        run(check, SMALL, layout, i -> i + SHIFT);
        Alignment a = check.checked();
        int[] want = new int[N];
        Arrays.setAll(want, i -> i + SHIFT);
        assertArrayEquals(want, a.temporal().map());
        assertTrue(a.temporal().confidence() > 0.95, "confidence " + a.temporal().confidence());
    }

    @ParameterizedTest
    @EnumSource(value = PixelLayout.class, names = {"YUV420P", "YUV420P10"})
    void aDroppedFrameIsRefusedWhereItHappens(PixelLayout layout) {
        ShiftCheck check = check(SMALL, X, Y, SHIFT);
        RenderCheck.Refused r = assertThrows(RenderCheck.Refused.class,
                () -> run(check, SMALL, layout, i -> i + SHIFT + (i >= 100 ? 1 : 0)));
        assertTrue(r.fgFrame() >= 100 && r.fgFrame() <= 108, r.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = PixelLayout.class, names = {"YUV420P"})
    void aPlacementAPixelOffIsRefused(PixelLayout layout) {
        ShiftCheck check = check(SMALL, X + 1, Y, SHIFT);
        RenderCheck.Refused r = assertThrows(RenderCheck.Refused.class, () -> run(check, SMALL, layout, i -> i + SHIFT));
        assertTrue(r.getMessage().contains("px from where it was rendered") || r.fgFrame() >= 0, r.getMessage());
    }

    /**
     * A large fg's placement is checked at half resolution, where a pixel of the check is two of the
     * render: rendered where it lies, or 0.05 px from it, it passes; 0.3 px off (less than the
     * check's pixel) it is refused, and the check measures how far. Unscaled and at scale 0.9.
     */
    @ParameterizedTest
    @MethodSource("largeFgs")
    void aLargeFgIsPlacedAtHalfResolutionToAHundredthOfAPixel(Geometry g, double off) {
        assertTrue(ShiftCheck.halved(PixelRect.full(g.fw(), g.fh()), g.scale()));
        ShiftCheck check = check(g, g.x() + off, g.y() - off, SHIFT);
        if (Math.abs(off) < ShiftCheck.PLACEMENT_TOLERANCE) {
            run(check, g, PixelLayout.YUV420P, i -> i + SHIFT);
            assertTrue(check.checked().temporal().confidence() > 0.95);
            return;
        }
        RenderCheck.Refused r = assertThrows(RenderCheck.Refused.class,
                () -> run(check, g, PixelLayout.YUV420P, i -> i + SHIFT));
        Matcher m = Pattern.compile("lies ([0-9.]+) px from").matcher(r.getMessage());
        assertTrue(m.find(), r.getMessage());
        assertEquals(Math.abs(off), Double.parseDouble(m.group(1)), 0.03, r.getMessage());
    }

    static Stream<Arguments> largeFgs() {
        Geometry unscaled = new Geometry(736, 424, 640, 360, 40, 24, 1, 40);
        Geometry scaled = new Geometry(736, 424, 720, 400, 40.25, 23.5, 0.9, 40);
        return Stream.of(unscaled, scaled).flatMap(g -> DoubleStream.of(0, 0.05, -0.05, 0.3, -0.3)
                .mapToObj(off -> Arguments.of(g, off)));
    }

    /** A check of the fg rendered at ({@code x}, {@code y}) over bg frame i + {@code shift}. */
    private ShiftCheck check(Geometry g, double x, double y, int shift) {
        int n = g.n();
        int[] map = new int[n];
        Arrays.setAll(map, i -> i + shift);
        float[] conf = new float[n];
        Arrays.fill(conf, 1f);
        Alignment a = new Alignment(new Clip("bg", g.bw(), g.bh(), 25, n + 2 * SHIFT), new Clip("fg", g.fw(), g.fh(), 25, n),
                new Placement(x, y, g.scale(), 1), new Timing(1, map, conf, List.of()));
        PixelRect box = PixelRect.full(g.fw(), g.fh());
        return new ShiftCheck(a, box, shift, new ShiftCheck.Placing(spatial, ToneCurve.identity(),
                SpatialOptions.defaults().withContentBox(box)));
    }

    /** Shows the check every fg frame over the bg frame the render would put under it; {@code truth}: its moment. */
    private static void run(ShiftCheck check, Geometry g, PixelLayout layout, java.util.function.IntUnaryOperator truth) {
        check.begin(layout, g.fw(), g.fh(), g.bw(), g.bh());
        for (int i = 0; i < g.n(); i++) {
            byte[] fg = frame(layout, g.fw(), g.fh(), g.x(), g.y(), g.scale(), truth.applyAsInt(i));
            ByteBuffer bg = ByteBuffer.allocateDirect(layout.bytes(g.bw(), g.bh()));
            bg.put(frame(layout, g.bw(), g.bh(), 0, 0, 1, i + SHIFT)).flip();
            check.pair(i, fg, i + SHIFT, bg);
        }
        check.finish();
    }

    /**
     * A planar frame of the texture at moment {@code t}, its top-left corner at ({@code x0}, {@code y0})
     * of the bg and each of its pixels {@code scale} of the bg's (the engine's placement: corners, in
     * pixel edges; the bg's pixel x is the texture's point x).
     */
    private static byte[] frame(PixelLayout layout, int w, int h, double x0, double y0, double scale, int t) {
        byte[] out = new byte[layout.bytes(w, h)];
        int b = layout.sampleBytes();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gx = x0 + scale * (x + 0.5) - 0.5 + 1.7 * t;
                double gy = y0 + scale * (y + 0.5) - 0.5 + 0.6 * t;
                double v = 128 + 50 * Math.sin(gx / 7.3) * Math.cos(gy / 5.1) + 30 * Math.sin((gx + 2 * gy) / 11.9);
                put(out, (y * w + x) * b, v, b);
            }
        }
        for (int k = w * h * b; k < out.length; k += b) {
            put(out, k, 128, b);
        }
        return out;
    }

    private static void put(byte[] out, int at, double v, int bytes) {
        if (bytes == 1) {
            out[at] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        } else {
            int s = (int) Math.max(0, Math.min(1023, Math.round(v * 4)));
            out[at] = (byte) s;
            out[at + 1] = (byte) (s >> 8);
        }
    }
}
