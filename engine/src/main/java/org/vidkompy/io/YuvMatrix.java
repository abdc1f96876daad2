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

    private final float[] t = new float[9];
    private final float yOff;
    private final float yScale;
    private final float cScale;

    YuvMatrix(int swsSpace, boolean fullRange) {
        double[] src = weights(swsSpace);
        double[] dst = weights(SWS_CS_ITU709);
        for (int c = 0; c < 3; c++) {
            double[] in = new double[3];
            in[c] = 1;
            double[] out = convert(in, src, dst);
            for (int r = 0; r < 3; r++) {
                t[r * 3 + c] = (float) out[r];
            }
        }
        yOff = fullRange ? 0 : 16;
        yScale = fullRange ? 255 : 219;
        cScale = fullRange ? 255 : 224;
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
        int cw = PixelLayout.chromaWidth(w);
        int ch = PixelLayout.chromaHeight(h);
        int uOff = w * h;
        int vOff = uOff + cw * ch;
        float[] m = t;
        for (int j = 0; j < ch; j++) {
            int y0 = 2 * j;
            int y1 = Math.min(h - 1, 2 * j + 1);
            for (int i = 0; i < cw; i++) {
                int x0 = 2 * i;
                int x1 = Math.min(w - 1, 2 * i + 1);
                int c = j * cw + i;
                float pb = ((p.get(uOff + c) & 0xff) - 128) / cScale;
                float pr = ((p.get(vOff + c) & 0xff) - 128) / cScale;
                int a = y0 * w + x0;
                int b = y0 * w + x1;
                int d = y1 * w + x0;
                int e = y1 * w + x1;
                float ya = ((p.get(a) & 0xff) - yOff) / yScale;
                float yb = ((p.get(b) & 0xff) - yOff) / yScale;
                float yd = ((p.get(d) & 0xff) - yOff) / yScale;
                float ye = ((p.get(e) & 0xff) - yOff) / yScale;
                float chromaToLuma = m[1] * pb + m[2] * pr;
                // Written in this order so that a repeated edge pixel (odd size) gets the same value.
                p.put(e, luma(m[0] * ye + chromaToLuma));
                p.put(d, luma(m[0] * yd + chromaToLuma));
                p.put(b, luma(m[0] * yb + chromaToLuma));
                p.put(a, luma(m[0] * ya + chromaToLuma));
                float ym = (ya + yb + yd + ye) / 4;
                p.put(uOff + c, chroma(m[3] * ym + m[4] * pb + m[5] * pr));
                p.put(vOff + c, chroma(m[6] * ym + m[7] * pb + m[8] * pr));
            }
        }
    }

    private static byte luma(float v) {
        int q = (int) Math.floor(16 + 219 * v + 0.5f);
        return (byte) Math.max(0, Math.min(255, q));
    }

    private static byte chroma(float v) {
        int q = (int) Math.floor(128 + 224 * v + 0.5f);
        return (byte) Math.max(0, Math.min(255, q));
    }
}
