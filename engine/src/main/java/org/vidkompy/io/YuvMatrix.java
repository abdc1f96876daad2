package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_BT2020;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;

import java.nio.ByteBuffer;

/**
 * Re-expresses 8-bit YUV 4:2:0 planes of another colour matrix or of full range in the encoder's
 * BT.709 limited range, in place, without going through RGB: the same linear map from Y'PbPr to
 * Y'PbPr that decoding to R'G'B' and encoding again applies (but without clipping to the RGB
 * cube in between). Chroma needs only chroma (the map never mixes luma into PbPr between these
 * matrices, beyond what a range change scales); luma takes the chroma sample it shares, as
 * swscale's 4:2:0 to RGB conversion did.
 */
final class YuvMatrix {

    /**
     * Each output as sums of per-input tables, in output code values, in 16.16 fixed point: the
     * per-pixel loop is integer sums and shifts (as floats, with float-to-int conversions, it took 2 s
     * more of the fg decode thread's 8 s on the 1080p benchmark render). The luma and chroma bases carry
     * the half that rounds; chroma also takes the sum of its four luma samples (a weight of zero
     * between these matrices, beyond what a range change scales; kept for exactness).
     */
    private final int[] yFromY = new int[256];
    private final int[] yFromU = new int[256];
    private final int[] yFromV = new int[256];
    private final int[] uFromU = new int[256];
    private final int[] uFromV = new int[256];
    private final int[] vFromU = new int[256];
    private final int[] vFromV = new int[256];
    private final int uBase;
    private final int vBase;
    private final int uPerY4;
    private final int vPerY4;
    /**
     * For a change of matrix alone (both limited range, or both full), where luma passes through and
     * chroma takes nothing from luma: per chroma pair (index {@code u << 8 | v}) the whole levels every
     * luma sample moves by and the finished chroma levels, the same numbers as the tables above give
     * (an untagged SD fg into BT.709 spent 1.8 s of a 1080p render's 44 s of CPU in the general loop).
     * Null where the general loop is needed.
     */
    private final short[] lumaShift;
    private final byte[] uOut;
    private final byte[] vOut;
    /** The planes of the last frame {@link #apply(ByteBuffer, int, int)} took out of native memory. */
    private byte[] frame;

    YuvMatrix(int swsSpace, boolean fullRange) {
        this(swsSpace, fullRange, true);
    }

    /** @param pairTables whether the per-pair tables may be used where they apply (false: tests) */
    YuvMatrix(int swsSpace, boolean fullRange, boolean pairTables) {
        double[] src = weights(swsSpace);
        double[] dst = weights(SWS_CS_ITU709);
        double[] t = new double[9];
        for (int c = 0; c < 3; c++) {
            double[] in = new double[3];
            in[c] = 1;
            double[] out = convert(in, src, dst);
            for (int r = 0; r < 3; r++) {
                t[r * 3 + c] = out[r];
            }
        }
        double yOff = fullRange ? 0 : 16;
        double yScale = fullRange ? 255 : 219;
        double cScale = fullRange ? 255 : 224;
        // Output code values: Y = 16 + 219 Y', U = 128 + 224 Pb, V = 128 + 224 Pr.
        for (int k = 0; k < 256; k++) {
            double yn = (k - yOff) / yScale;
            double cn = (k - 128) / cScale;
            yFromY[k] = fixed(16 + 219 * t[0] * yn + 0.5);
            yFromU[k] = fixed(219 * t[1] * cn);
            yFromV[k] = fixed(219 * t[2] * cn);
            uFromU[k] = fixed(224 * t[4] * cn);
            uFromV[k] = fixed(224 * t[5] * cn);
            vFromU[k] = fixed(224 * t[7] * cn);
            vFromV[k] = fixed(224 * t[8] * cn);
        }
        double uPerY = 224 * t[3] / yScale;
        double vPerY = 224 * t[6] / yScale;
        uBase = fixed(128 - uPerY * yOff + 0.5);
        vBase = fixed(128 - vPerY * yOff + 0.5);
        uPerY4 = fixed(uPerY * 0.25);
        vPerY4 = fixed(vPerY * 0.25);
        boolean lumaPasses = uPerY4 == 0 && vPerY4 == 0;
        for (int k = 0; k < 256 && lumaPasses; k++) {
            lumaPasses = yFromY[k] == (k << 16) + HALF;
        }
        if (pairTables && lumaPasses) {
            // level(yFromY[y] + dy) = clamp(y + ((HALF + dy) >> 16)): y << 16 is a whole multiple of
            // 65536, so it passes through the floor unchanged.
            lumaShift = new short[1 << 16];
            uOut = new byte[1 << 16];
            vOut = new byte[1 << 16];
            for (int uu = 0; uu < 256; uu++) {
                for (int vv = 0; vv < 256; vv++) {
                    int i = uu << 8 | vv;
                    lumaShift[i] = (short) ((HALF + yFromU[uu] + yFromV[vv]) >> 16);
                    uOut[i] = level(uBase + uFromU[uu] + uFromV[vv]);
                    vOut[i] = level(vBase + vFromU[uu] + vFromV[vv]);
                }
            }
        } else {
            lumaShift = null;
            uOut = null;
            vOut = null;
        }
    }

    private static final int HALF = 1 << 15;

    /** Whether the per-pair tables apply (a change of matrix alone). */
    boolean pairTables() {
        return lumaShift != null;
    }

    private static int fixed(double x) {
        return (int) Math.round(x * 65536);
    }

    /** Kr, Kb of a swscale colour space (the ones {@link FrameConverter#swsColorspace} names). */
    private static double[] weights(int swsSpace) {
        if (swsSpace == SWS_CS_ITU709) {
            return new double[] {0.2126, 0.0722};
        }
        if (swsSpace == SWS_CS_BT2020) {
            return new double[] {0.2627, 0.0593};
        }
        if (swsSpace == SWS_CS_ITU601) {
            return new double[] {0.299, 0.114};
        }
        throw new IllegalArgumentException("no matrix for swscale colour space " + swsSpace);
    }

    /** Y'PbPr in one matrix to R'G'B' to Y'PbPr in another. */
    private static double[] convert(double[] ypp, double[] s, double[] d) {
        double kr = s[0];
        double kb = s[1];
        double r = ypp[0] + 2 * (1 - kr) * ypp[2];
        double b = ypp[0] + 2 * (1 - kb) * ypp[1];
        double g = (ypp[0] - kr * r - kb * b) / (1 - kr - kb);
        double y = d[0] * r + (1 - d[0] - d[1]) * g + d[1] * b;
        return new double[] {y, (b - y) / (2 * (1 - d[1])), (r - y) / (2 * (1 - d[0]))};
    }

    /** Converts tight planes (as {@link PixelLayout#YUV420P} stores them) of a w × h picture in place. */
    void apply(ByteBuffer p, int w, int h) {
        int bytes = PixelLayout.YUV420P.bytes(w, h);
        if (frame == null || frame.length != bytes) {
            frame = new byte[bytes];
        }
        // A bulk copy each way: the per-pixel work is a few additions on a heap array.
        p.get(0, frame, 0, bytes);
        apply(frame, w, h);
        p.put(0, frame, 0, bytes);
    }

    /** The same on planes already on the heap (a frame read straight into them). */
    void apply(byte[] p, int w, int h) {
        int cw = PixelLayout.chromaWidth(w);
        int ch = PixelLayout.chromaHeight(h);
        if (lumaShift != null) {
            applyPairs(p, w, h, cw, ch);
        } else {
            applyGeneral(p, w, h, cw, ch);
        }
    }

    /**
     * Its own loop, beside the general one: one loop with the choice inside each block kept less than
     * half the gain (1.57 against 1.95 ms a 960x540 frame for the general loop; apart, 1.22 against 2.05).
     */
    private void applyPairs(byte[] p, int w, int h, int cw, int ch) {
        int uAt = w * h;
        int vAt = uAt + cw * ch;
        for (int j = 0; j < ch; j++) {
            int r0 = 2 * j * w;
            int r1 = Math.min(h - 1, 2 * j + 1) * w;
            for (int i = 0; i < cw; i++) {
                int x0 = 2 * i;
                int x1 = Math.min(w - 1, 2 * i + 1);
                int c = j * cw + i;
                int pair = (p[uAt + c] & 0xff) << 8 | (p[vAt + c] & 0xff);
                int s = lumaShift[pair];
                int a = r0 + x0;
                int b = r0 + x1;
                int d = r1 + x0;
                int e = r1 + x1;
                int ya = p[a] & 0xff;
                int yb = p[b] & 0xff;
                int yd = p[d] & 0xff;
                int ye = p[e] & 0xff;
                // In the general loop's order, so a repeated edge pixel (odd size) gets the same value.
                p[e] = clamp(ye + s);
                p[d] = clamp(yd + s);
                p[b] = clamp(yb + s);
                p[a] = clamp(ya + s);
                p[uAt + c] = uOut[pair];
                p[vAt + c] = vOut[pair];
            }
        }
    }

    private static byte clamp(int q) {
        return (byte) (q < 0 ? 0 : (q > 255 ? 255 : q));
    }

    private void applyGeneral(byte[] p, int w, int h, int cw, int ch) {
        int uAt = w * h;
        int vAt = uAt + cw * ch;
        for (int j = 0; j < ch; j++) {
            int r0 = 2 * j * w;
            int r1 = Math.min(h - 1, 2 * j + 1) * w;
            for (int i = 0; i < cw; i++) {
                int x0 = 2 * i;
                int x1 = Math.min(w - 1, 2 * i + 1);
                int c = j * cw + i;
                int uu = p[uAt + c] & 0xff;
                int vv = p[vAt + c] & 0xff;
                int dy = yFromU[uu] + yFromV[vv];
                int a = r0 + x0;
                int b = r0 + x1;
                int d = r1 + x0;
                int e = r1 + x1;
                int ya = p[a] & 0xff;
                int yb = p[b] & 0xff;
                int yd = p[d] & 0xff;
                int ye = p[e] & 0xff;
                int ys = ya + yb + yd + ye;
                // Written in this order so that a repeated edge pixel (odd size) gets the same value.
                p[e] = level(yFromY[ye] + dy);
                p[d] = level(yFromY[yd] + dy);
                p[b] = level(yFromY[yb] + dy);
                p[a] = level(yFromY[ya] + dy);
                p[uAt + c] = level(uBase + uFromU[uu] + uFromV[vv] + uPerY4 * ys);
                p[vAt + c] = level(vBase + vFromU[uu] + vFromV[vv] + vPerY4 * ys);
            }
        }
    }

    /** A 16.16 value already offset by a half, as a level: floored, then clamped to 0..255. */
    private static byte level(int fixed) {
        int q = fixed >> 16;
        return (byte) (q < 0 ? 0 : (q > 255 ? 255 : q));
    }

}
