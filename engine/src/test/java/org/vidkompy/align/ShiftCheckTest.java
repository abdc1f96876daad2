package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

    private static final int BW = 192;
    private static final int BH = 108;
    private static final int FW = 96;
    private static final int FH = 54;
    private static final int X = 40;
    private static final int Y = 24;
    private static final int N = 150;
    private static final int SHIFT = 9;

    private final SpatialAligner spatial = Guice.createInjector(new EngineModule()).getInstance(SpatialAligner.class);

    @ParameterizedTest
    @EnumSource(value = PixelLayout.class, names = {"YUV420P", "YUV420P10"})
    void theRightShiftPasses(PixelLayout layout) {
        ShiftCheck check = check(X, SHIFT);
        run(check, layout, i -> i + SHIFT);
        Alignment a = check.checked();
        int[] want = new int[N];
        Arrays.setAll(want, i -> i + SHIFT);
        assertArrayEquals(want, a.temporal().map());
        assertTrue(a.temporal().confidence() > 0.95, "confidence " + a.temporal().confidence());
    }

    @ParameterizedTest
    @EnumSource(value = PixelLayout.class, names = {"YUV420P", "YUV420P10"})
    void aDroppedFrameIsRefusedWhereItHappens(PixelLayout layout) {
        ShiftCheck check = check(X, SHIFT);
        RenderCheck.Refused r = assertThrows(RenderCheck.Refused.class,
                () -> run(check, layout, i -> i + SHIFT + (i >= 100 ? 1 : 0)));
        assertTrue(r.fgFrame() >= 100 && r.fgFrame() <= 108, r.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = PixelLayout.class, names = {"YUV420P"})
    void aPlacementAPixelOffIsRefused(PixelLayout layout) {
        ShiftCheck check = check(X + 1, SHIFT);
        RenderCheck.Refused r = assertThrows(RenderCheck.Refused.class, () -> run(check, layout, i -> i + SHIFT));
        assertTrue(r.getMessage().contains("px from where it was rendered") || r.fgFrame() >= 0, r.getMessage());
    }

    /** A check of the fg placed at ({@code x}, {@link #Y}) over bg frame i + {@code shift}. */
    private ShiftCheck check(double x, int shift) {
        int[] map = new int[N];
        Arrays.setAll(map, i -> i + shift);
        float[] conf = new float[N];
        Arrays.fill(conf, 1f);
        Alignment a = new Alignment(new Clip("bg", BW, BH, 25, N + 2 * SHIFT), new Clip("fg", FW, FH, 25, N),
                new Placement(x, Y, 1, 1), new Timing(1, map, conf, List.of()));
        PixelRect box = PixelRect.full(FW, FH);
        return new ShiftCheck(a, box, shift, new ShiftCheck.Placing(spatial, ToneCurve.identity(),
                SpatialOptions.defaults().withContentBox(box)));
    }

    /** Shows the check every fg frame over the bg frame the render would put under it; {@code truth}: its moment. */
    private static void run(ShiftCheck check, PixelLayout layout, java.util.function.IntUnaryOperator truth) {
        check.begin(layout, FW, FH, BW, BH);
        for (int i = 0; i < N; i++) {
            byte[] fg = frame(layout, FW, FH, X, Y, truth.applyAsInt(i));
            ByteBuffer bg = ByteBuffer.allocateDirect(layout.bytes(BW, BH));
            bg.put(frame(layout, BW, BH, 0, 0, i + SHIFT)).flip();
            check.pair(i, fg, i + SHIFT, bg);
        }
        check.finish();
    }

    /** A planar frame of the texture at moment {@code t}, its top-left at ({@code x0}, {@code y0}) of the bg. */
    private static byte[] frame(PixelLayout layout, int w, int h, int x0, int y0, int t) {
        byte[] out = new byte[layout.bytes(w, h)];
        int b = layout.sampleBytes();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gx = x0 + x + 1.7 * t;
                double gy = y0 + y + 0.6 * t;
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
