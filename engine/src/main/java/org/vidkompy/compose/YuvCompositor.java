package org.vidkompy.compose;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vidkompy.io.PixelLayout;

/**
 * Draws a YUV 4:2:0 fg frame onto a YUV 4:2:0 bg frame (tight planes, see
 * {@link PixelLayout#YUV420P}) plane by plane, in the encoder's own format: no conversion to RGB
 * and back, so the bg reaches the encoder exactly as decoded.
 *
 * <p>Luma is resampled and blended exactly as {@link Compositor} does each RGB channel (the same
 * {@link AxisWeights}, coverage and {@link FeatherMask}). Chroma is resampled at half resolution at
 * its own sample positions, those of MPEG-2/H.264 ("left") siting: chroma sample (i, j) sits at luma
 * pixel-centre position (2i, 2j + 0.5), horizontally on the even luma column, vertically between
 * the two luma rows. With the fg's top-left corner at luma (x, y) and scale s, bg chroma sample i
 * then reads fg chroma position u = (i + 0.5 - cx) / s - 0.5 with cx = x / 2 + (1 - s) / 4, and
 * vertically cy = y / 2 (see {@link AxisWeights#sampling}); at scale 1 and an even offset that is
 * a plain copy. A chroma sample's opacity is the luma opacity filtered the way the sample stands
 * for its luma pixels: [1/4, 1/2, 1/4] across columns 2i-1..2i+1, [1/2, 1/2] over rows 2j, 2j+1.
 *
 * <p>Like {@link Compositor}: everything is precomputed per job, work is split into bands of
 * output rows (in each plane) that share nothing, so the result does not depend on the thread
 * count, and nothing is allocated per frame but the band futures.
 */
final class YuvCompositor implements FrameCompositor {

    /** One plane's placement, built once per job. */
    private static final class Plane {
        final int fgWidth;
        final int fgOffset;
        final int canvasWidth;
        final int canvasOffset;
        final AxisWeights wx;
        final AxisWeights wy;
        final float[] alpha;
        final int[] solidFrom;
        final int[] solidTo;

        Plane(int fgWidth, int fgOffset, int canvasWidth, int canvasOffset, AxisWeights wx, AxisWeights wy,
              float[] alpha) {
            this.fgWidth = fgWidth;
            this.fgOffset = fgOffset;
            this.canvasWidth = canvasWidth;
            this.canvasOffset = canvasOffset;
            this.wx = wx;
            this.wy = wy;
            this.alpha = alpha;
            this.solidFrom = new int[wy.count];
            this.solidTo = new int[wy.count];
            for (int j = 0; j < wy.count; j++) {
                int row = j * wx.count;
                for (int i = 0; i < wx.count; ) {
                    int start = i;
                    while (i < wx.count && alpha[row + i] >= 1f) {
                        i++;
                    }
                    if (i - start > solidTo[j] - solidFrom[j]) {
                        solidFrom[j] = start;
                        solidTo[j] = i;
                    }
                    i = Math.max(i, start + 1);
                }
            }
        }

        Plane withOffsets(int fgOff, int canvasOff) {
            return new Plane(fgWidth, fgOff, canvasWidth, canvasOff, wx, wy, alpha);
        }
    }

    private final OverlayGeometry geometry;
    private final PixelLayout layout;
    /** Samples in two bytes (10-bit, little-endian) instead of one. */
    private final boolean wide;
    /** The largest sample value: 255 or 1023. */
    private final int max;
    private final int fgBytes;
    private final int canvasBytes;
    private final List<Callable<Void>> remote;
    private final Band[][] bands;
    private final BandRunner runner;
    private byte[] fg;
    private ByteBuffer canvas;

    YuvCompositor(OverlayGeometry g, FeatherMask feather, int threads) {
        this(g, feather, threads, PixelLayout.YUV420P);
    }

    YuvCompositor(OverlayGeometry g, FeatherMask feather, int threads, PixelLayout layout) {
        if (!layout.planar()) {
            throw new IllegalArgumentException("YUV compositing needs planar YUV, not " + layout);
        }
        this.geometry = g;
        this.layout = layout;
        this.wide = layout.sampleBytes() == 2;
        this.max = (1 << layout.bitDepth()) - 1;
        int bw = g.bgWidth();
        int bh = g.bgHeight();
        int fw = g.fgWidth();
        int fh = g.fgHeight();
        this.fgBytes = layout.bytes(fw, fh);
        this.canvasBytes = layout.bytes(bw, bh);
        AxisWeights wx = AxisWeights.build(fw, g.x(), g.scale(), bw);
        AxisWeights wy = AxisWeights.build(fh, g.y(), g.scale(), bh);
        float[] alpha = new float[wx.count * wy.count];
        for (int j = 0; j < wy.count; j++) {
            for (int i = 0; i < wx.count; i++) {
                alpha[j * wx.count + i] = wx.coverage[i] * wy.coverage[j]
                        * Math.min(feather.column(i), feather.row(j));
            }
        }
        Plane luma = new Plane(fw, 0, bw, 0, wx, wy, alpha);
        int cw = PixelLayout.chromaWidth(bw);
        int ch = PixelLayout.chromaHeight(bh);
        int fcw = PixelLayout.chromaWidth(fw);
        int fch = PixelLayout.chromaHeight(fh);
        Plane u = chroma(g, luma, cw, ch, fcw, fch, fw * fh, bw * bh);
        Plane v = u.withOffsets(fw * fh + fcw * fch, bw * bh + cw * ch);
        Plane[] planes = {luma, u, v};
        int n = Math.max(1, Math.min(threads, Math.max(1, wy.count / 8)));
        this.bands = new Band[n][3];
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < 3; p++) {
                int rows = planes[p].wy.count;
                bands[b][p] = new Band(planes[p], rows * b / n, rows * (b + 1) / n);
            }
        }
        this.remote = new ArrayList<>();
        for (int b = 1; b < n; b++) {
            Band[] mine = bands[b];
            remote.add(() -> {
                for (Band band : mine) {
                    band.run();
                }
                return null;
            });
        }
        this.runner = new BandRunner(n);
    }

    /**
     * The chroma plane's placement: the chroma samples any covered luma pixel falls under, their
     * fg positions (see the class comment) and opacity (the luma opacity filtered down).
     */
    private static Plane chroma(OverlayGeometry g, Plane luma, int cw, int ch, int fcw, int fch, int fgOff,
                                int canvasOff) {
        AxisWeights lx = luma.wx;
        AxisWeights ly = luma.wy;
        int i0 = 0;
        int nx = 0;
        int j0 = 0;
        int ny = 0;
        if (lx.count > 0 && ly.count > 0) {
            i0 = lx.first >> 1;
            nx = Math.min(cw - 1, (lx.first + lx.count) >> 1) - i0 + 1;
            j0 = ly.first >> 1;
            ny = Math.min(ch - 1, (ly.first + ly.count - 1) >> 1) - j0 + 1;
        }
        double s = g.scale();
        // The luma placement snaps to whole pixels when it is that close (AxisWeights.build); so does chroma.
        double x = snapped(g.x(), s);
        double y = snapped(g.y(), s);
        AxisWeights wx = AxisWeights.sampling(fcw, x / 2 + (1 - s) / 4, s, i0, Math.max(0, nx));
        AxisWeights wy = AxisWeights.sampling(fch, y / 2, s, j0, Math.max(0, ny));
        float[] alpha = new float[wx.count * wy.count];
        int bw = g.bgWidth();
        int bh = g.bgHeight();
        for (int j = 0; j < wy.count; j++) {
            int row0 = Math.min(bh - 1, 2 * (j0 + j));
            int row1 = Math.min(bh - 1, 2 * (j0 + j) + 1);
            for (int i = 0; i < wx.count; i++) {
                int c = 2 * (i0 + i);
                double a = 0;
                for (int d = -1; d <= 1; d++) {
                    int col = Math.max(0, Math.min(bw - 1, c + d));
                    double wt = d == 0 ? 0.5 : 0.25;
                    a += wt * 0.5 * (lumaAlpha(luma, col, row0) + lumaAlpha(luma, col, row1));
                }
                alpha[j * wx.count + i] = (float) Math.min(1.0, a);
            }
        }
        return new Plane(fcw, fgOff, cw, canvasOff, wx, wy, alpha);
    }

    private static double snapped(double offset, double scale) {
        return scale == 1.0 && Math.abs(offset - Math.rint(offset)) < AxisWeights.WHOLE_PIXEL
                ? Math.rint(offset) : offset;
    }

    private static float lumaAlpha(Plane luma, int x, int y) {
        int i = x - luma.wx.first;
        int j = y - luma.wy.first;
        if (i < 0 || j < 0 || i >= luma.wx.count || j >= luma.wy.count) {
            return 0f;
        }
        return luma.alpha[j * luma.wx.count + i];
    }

    @Override
    public OverlayGeometry geometry() {
        return geometry;
    }

    @Override
    public PixelLayout layout() {
        return layout;
    }

    /**
     * Draws {@code fgYuv} (the fg's three planes) onto {@code canvas}, which holds the bg frame's
     * three planes from index 0 and receives the result in place.
     */
    @Override
    public void composite(byte[] fgYuv, ByteBuffer canvas) {
        if (fgYuv.length < fgBytes) {
            throw new IllegalArgumentException("fg frame has " + fgYuv.length + " bytes, needs " + fgBytes);
        }
        if (canvas.capacity() < canvasBytes) {
            throw new IllegalArgumentException("canvas too small: " + canvas.capacity() + " bytes");
        }
        this.fg = fgYuv;
        this.canvas = canvas;
        try {
            runner.run(() -> {
                for (Band b : bands[0]) {
                    b.run();
                }
            }, remote);
        } finally {
            this.fg = null;
            this.canvas = null;
        }
    }

    @Override
    public void close() {
        runner.close();
    }

    /** Output rows [from, to) of one plane's covered rectangle, with the scratch they need. */
    private final class Band {
        private final Plane pl;
        private final AxisWeights wx;
        private final AxisWeights wy;
        private final int from;
        private final int to;
        private final boolean copy;
        private final int fgRowFrom;
        private final float[] horizontal;
        private final float[] acc;
        private final byte[] line;
        private final float[] fgRow;

        Band(Plane pl, int from, int to) {
            this.pl = pl;
            this.wx = pl.wx;
            this.wy = pl.wy;
            this.from = from;
            this.to = to;
            this.copy = wx.taps == 1 && wy.taps == 1;
            boolean any = to > from && wx.count > 0;
            this.fgRowFrom = any ? wy.minIndex(from, to) : 0;
            int fgRows = any && !copy ? wy.maxIndex(from, to) - fgRowFrom + 1 : 0;
            this.horizontal = new float[fgRows * wx.count];
            this.acc = new float[copy ? 0 : wx.count];
            this.line = new byte[wx.count * layout.sampleBytes()];
            this.fgRow = new float[!copy && wx.taps == 4 ? wx.uniformTo - wx.uniformFrom + 3 : 0];
        }

        void run() {
            if (to <= from || wx.count == 0) {
                return;
            }
            if (copy) {
                copyRows();
            } else {
                resampleRows();
                resampleColumnsAndBlend();
            }
        }

        /** Scale 1 at whole samples: fg samples go straight in where the fg is opaque, blend elsewhere. */
        private void copyRows() {
            byte[] src = fg;
            ByteBuffer out = canvas;
            int[] idx = wx.index;
            float[] alpha = pl.alpha;
            int n = wx.count;
            boolean w2 = wide;
            int sb = w2 ? 2 : 1;
            for (int j = from; j < to; j++) {
                int srcRow = pl.fgOffset + wy.index[j] * pl.fgWidth;
                int p = (pl.canvasOffset + (wy.first + j) * pl.canvasWidth + wx.first) * sb;
                int s0 = pl.solidFrom[j];
                int s1 = pl.solidTo[j];
                boolean whole = s0 == 0 && s1 == n;
                if (!whole) {
                    out.get(p, line, 0, n * sb);
                }
                int a = j * n;
                for (int i = 0; i < s0; i++) {
                    blend(line, i, sample(src, srcRow + idx[i], w2), alpha[a + i]);
                }
                if (s1 > s0 && idx[s1 - 1] - idx[s0] == s1 - 1 - s0) {
                    System.arraycopy(src, (srcRow + idx[s0]) * sb, line, s0 * sb, (s1 - s0) * sb);
                } else {
                    for (int i = s0; i < s1; i++) {
                        put(line, i, sample(src, srcRow + idx[i], w2), w2);
                    }
                }
                for (int i = s1; i < n; i++) {
                    blend(line, i, sample(src, srcRow + idx[i], w2), alpha[a + i]);
                }
                out.put(p, line, 0, n * sb);
            }
        }

        /** Horizontal pass: every fg row this band reads, resampled to the output columns. */
        private void resampleRows() {
            byte[] src = fg;
            int outW = wx.count;
            int rows = horizontal.length / outW;
            boolean fast = wx.taps == 4 && wx.uniformTo - wx.uniformFrom > 0;
            for (int r = 0; r < rows; r++) {
                int srcRow = pl.fgOffset + (fgRowFrom + r) * pl.fgWidth;
                if (wx.taps == 1) {
                    int d = r * outW;
                    boolean w2 = wide;
                    for (int i = 0; i < outW; i++) {
                        horizontal[d + i] = sample(src, srcRow + wx.index[i], w2);
                    }
                } else if (fast) {
                    resampleRange(src, srcRow, r, 0, wx.uniformFrom);
                    resampleUniform(src, srcRow, r);
                    resampleRange(src, srcRow, r, wx.uniformTo, outW);
                } else {
                    resampleRange(src, srcRow, r, 0, outW);
                }
            }
        }

        private void resampleRange(byte[] src, int srcRow, int r, int fromCol, int toCol) {
            int taps = wx.taps;
            int[] idx = wx.index;
            float[] w = wx.weight;
            int dst = r * wx.count + fromCol;
            boolean w2 = wide;
            for (int i = fromCol; i < toCol; i++) {
                float a = 0;
                int k = i * taps;
                for (int t = 0; t < taps; t++, k++) {
                    a += sample(src, srcRow + idx[k], w2) * w[k];
                }
                horizontal[dst++] = a;
            }
        }

        /** The same sums as {@link #resampleRange} with the four weights hoisted (vectorizes). */
        private void resampleUniform(byte[] src, int srcRow, int r) {
            int k0 = wx.uniformFrom * 4;
            float w0 = wx.weight[k0];
            float w1 = wx.weight[k0 + 1];
            float w2 = wx.weight[k0 + 2];
            float w3 = wx.weight[k0 + 3];
            int s = srcRow + wx.index[k0];
            int n = wx.uniformTo - wx.uniformFrom;
            float[] f = fgRow;
            if (wide) {
                for (int k = 0; k < n + 3; k++) {
                    f[k] = sample(src, s + k, true);
                }
            } else {
                for (int k = 0; k < n + 3; k++) {
                    f[k] = src[s + k] & 0xff;
                }
            }
            float[] h = horizontal;
            int dst = r * wx.count + wx.uniformFrom;
            for (int k = 0; k < n; k++) {
                float a = 0;
                a += f[k] * w0;
                a += f[k + 1] * w1;
                a += f[k + 2] * w2;
                a += f[k + 3] * w3;
                h[dst + k] = a;
            }
        }

        /** Vertical pass into one output row at a time, then the blend onto the canvas. */
        private void resampleColumnsAndBlend() {
            ByteBuffer out = canvas;
            int outW = wx.count;
            float[] alpha = pl.alpha;
            boolean w2 = wide;
            int sb = w2 ? 2 : 1;
            int top = max;
            for (int j = from; j < to; j++) {
                wy.sumRows(j, fgRowFrom, outW, horizontal, acc);
                int p = (pl.canvasOffset + (wy.first + j) * pl.canvasWidth + wx.first) * sb;
                int s0 = pl.solidFrom[j];
                int s1 = pl.solidTo[j];
                boolean whole = s0 == 0 && s1 == outW;
                if (!whole) {
                    out.get(p, line, 0, outW * sb);
                }
                int a = j * outW;
                for (int i = 0; i < s0; i++) {
                    blend(line, i, acc[i], alpha[a + i]);
                }
                if (w2) {
                    for (int i = s0; i < s1; i++) {
                        int q = (int) (acc[i] + 0.5f);
                        put(line, i, q < 0 ? 0 : (q > top ? top : q), true);
                    }
                } else {
                    for (int i = s0; i < s1; i++) {
                        int q = (int) (acc[i] + 0.5f);
                        line[i] = (byte) (q < 0 ? 0 : (q > 255 ? 255 : q));
                    }
                }
                for (int i = s1; i < outW; i++) {
                    blend(line, i, acc[i], alpha[a + i]);
                }
                out.put(p, line, 0, outW * sb);
            }
        }

        /** Sample {@code i} of {@code row} becomes {@code v} over it at opacity {@code op}. */
        private void blend(byte[] row, int i, float v, float op) {
            if (op > 0f) {
                put(row, i, mix(sample(row, i, wide), v, op, max), wide);
            }
        }
    }

    /** Sample {@code k} of tight planes: one byte, or two little-endian ones. */
    private static int sample(byte[] a, int k, boolean wide) {
        if (!wide) {
            return a[k] & 0xff;
        }
        return (a[2 * k] & 0xff) | (a[2 * k + 1] & 0xff) << 8;
    }

    private static void put(byte[] a, int k, int v, boolean wide) {
        if (!wide) {
            a[k] = (byte) v;
            return;
        }
        a[2 * k] = (byte) v;
        a[2 * k + 1] = (byte) (v >> 8);
    }

    /** {@code v} over {@code under} at opacity {@code op}, rounded as {@link Compositor} does. */
    private static int mix(int under, float v, float op, int max) {
        if (op < 1f) {
            v = under + op * (v - under);
        }
        int q = (int) (v + 0.5f);
        return q < 0 ? 0 : (q > max ? max : q);
    }
}
