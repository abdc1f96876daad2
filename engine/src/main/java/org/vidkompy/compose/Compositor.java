package org.vidkompy.compose;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vidkompy.io.PixelLayout;

/**
 * Draws a packed RGB24 fg frame onto a packed RGB24 bg frame at a sub-pixel offset and scale.
 *
 * <p>Resampling is separable (rows, then columns) with weights precomputed once for the job, see
 * {@link AxisWeights}. Each bg pixel's opacity is the fraction of it the fg covers (so edges at
 * fractional positions are smooth, not jagged) times the {@link FeatherMask}; it is also built
 * once. Only bg pixels the fg touches are read or written; the fg may stick out of the canvas.
 *
 * <p>Work is split into bands of output rows. Each band resamples the fg rows it needs into its
 * own scratch, so bands share nothing and the result is identical for any number of threads
 * (which is what makes chunked renders equal to full ones). Nothing is allocated per frame
 * except the futures of the band tasks.
 *
 * <p>Over 250 lines because the band's inner loops (resample, blend, edge coverage) are written out
 * for speed: they are the render's hot path.
 */
public final class Compositor implements FrameCompositor {

    private final OverlayGeometry geometry;
    private final AxisWeights wx;
    private final AxisWeights wy;
    /** Opacity of every output pixel of the covered rectangle: coverage × feather. */
    private final float[] alpha;
    /** Per output row, the longest run of columns [solidFrom, solidTo) that the fg covers fully. */
    private final int[] solidFrom;
    private final int[] solidTo;
    private final Band[] bands;
    private final List<Callable<Void>> remoteBands;
    private final BandRunner runner;
    private byte[] fg;
    private ByteBuffer canvas;

    /**
     * @param threads bands to split each frame into; the calling thread works on one of them and
     *                {@code threads - 1} helper threads on the others
     */
    public Compositor(OverlayGeometry geometry, FeatherMask feather, int threads) {
        this.geometry = geometry;
        this.wx = AxisWeights.build(geometry.fgWidth(), geometry.x(), geometry.scale(), geometry.bgWidth());
        this.wy = AxisWeights.build(geometry.fgHeight(), geometry.y(), geometry.scale(), geometry.bgHeight());
        this.alpha = new float[wx.count * wy.count];
        for (int j = 0; j < wy.count; j++) {
            for (int i = 0; i < wx.count; i++) {
                alpha[j * wx.count + i] = wx.coverage[i] * wy.coverage[j]
                        * Math.min(feather.column(i), feather.row(j));
            }
        }
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
        int n = Math.max(1, Math.min(threads, Math.max(1, wy.count / 8)));
        this.bands = new Band[n];
        for (int b = 0; b < n; b++) {
            bands[b] = new Band(wy.count * b / n, wy.count * (b + 1) / n);
        }
        this.remoteBands = new ArrayList<>();
        for (int b = 1; b < n; b++) {
            Band band = bands[b];
            remoteBands.add(() -> {
                band.run();
                return null;
            });
        }
        this.runner = new BandRunner(n);
    }

    public Compositor(OverlayGeometry geometry, int threads) {
        this(geometry, FeatherMask.none(geometry), threads);
    }

    @Override
    public OverlayGeometry geometry() {
        return geometry;
    }

    @Override
    public PixelLayout layout() {
        return PixelLayout.RGB24;
    }

    /**
     * Draws {@code fgRgb} (fgWidth × fgHeight × 3 bytes) onto {@code canvas}, which holds the bg
     * frame (bgWidth × bgHeight × 3 bytes from index 0) and receives the result in place.
     */
    @Override
    public void composite(byte[] fgRgb, ByteBuffer canvas) {
        int fgBytes = geometry.fgWidth() * geometry.fgHeight() * 3;
        if (fgRgb.length < fgBytes) {
            throw new IllegalArgumentException("fg frame has " + fgRgb.length + " bytes, needs " + fgBytes);
        }
        if (canvas.capacity() < geometry.bgWidth() * geometry.bgHeight() * 3) {
            throw new IllegalArgumentException("canvas too small: " + canvas.capacity() + " bytes");
        }
        if (wx.count == 0 || wy.count == 0) {
            return;
        }
        this.fg = fgRgb;
        this.canvas = canvas;
        try {
            runner.run(bands[0]::run, remoteBands);
        } finally {
            this.fg = null;
            this.canvas = null;
        }
    }

    @Override
    public void close() {
        runner.close();
    }

    /** Output rows [from, to) of the covered rectangle, with the scratch they need. */
    private final class Band {
        private final int from;
        private final int to;
        private final int fgRowFrom;
        private final float[] horizontal;
        private final float[] acc;
        private final byte[] line;
        /** The fg bytes the uniform run reads, as floats: converted once, not once per tap. */
        private final float[] fgRow;

        Band(int from, int to) {
            this.from = from;
            this.to = to;
            this.fgRowFrom = to > from ? wy.minIndex(from, to) : 0;
            int fgRows = to > from ? wy.maxIndex(from, to) - fgRowFrom + 1 : 0;
            this.horizontal = new float[fgRows * wx.count * 3];
            this.acc = new float[wx.count * 3];
            this.line = new byte[wx.count * 3];
            this.fgRow = new float[wx.taps == 4 ? (wx.uniformTo - wx.uniformFrom + 3) * 3 : 0];
        }

        void run() {
            if (to <= from) {
                return;
            }
            resampleRows();
            resampleColumnsAndBlend();
        }

        /** Horizontal pass: every fg row this band reads, resampled to the output columns. */
        private void resampleRows() {
            byte[] src = fg;
            int fgStride = geometry.fgWidth() * 3;
            int outW = wx.count;
            int rows = horizontal.length / (outW * 3);
            boolean fast = wx.taps == 4 && wx.uniformTo - wx.uniformFrom > 0;
            for (int r = 0; r < rows; r++) {
                int srcRow = (fgRowFrom + r) * fgStride;
                if (wx.taps == 1) {
                    int s = srcRow + wx.index[0] * 3;
                    int d = r * outW * 3;
                    for (int k = 0; k < outW * 3; k++) {
                        horizontal[d + k] = src[s + k] & 0xff;
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
            int dst = (r * wx.count + fromCol) * 3;
            for (int i = fromCol; i < toCol; i++) {
                float a0 = 0;
                float a1 = 0;
                float a2 = 0;
                int k = i * taps;
                for (int t = 0; t < taps; t++, k++) {
                    int s = srcRow + idx[k] * 3;
                    float wt = w[k];
                    a0 += (src[s] & 0xff) * wt;
                    a1 += (src[s + 1] & 0xff) * wt;
                    a2 += (src[s + 2] & 0xff) * wt;
                }
                horizontal[dst++] = a0;
                horizontal[dst++] = a1;
                horizontal[dst++] = a2;
            }
        }

        /**
         * The same sums as {@link #resampleRange} in the same order (so the result is identical), with
         * the four weights hoisted: the bulk of every row at scale 1. The bytes are converted to floats
         * first (exactly, once each), which leaves a plain float loop the JIT vectorizes.
         */
        private void resampleUniform(byte[] src, int srcRow, int r) {
            int k0 = wx.uniformFrom * 4;
            float w0 = wx.weight[k0];
            float w1 = wx.weight[k0 + 1];
            float w2 = wx.weight[k0 + 2];
            float w3 = wx.weight[k0 + 3];
            int s = srcRow + wx.index[k0] * 3;
            int n = (wx.uniformTo - wx.uniformFrom) * 3;
            float[] f = fgRow;
            for (int k = 0; k < n + 9; k++) {
                f[k] = src[s + k] & 0xff;
            }
            float[] h = horizontal;
            int dst = (r * wx.count + wx.uniformFrom) * 3;
            for (int k = 0; k < n; k++) {
                float a = 0;
                a += f[k] * w0;
                a += f[k + 3] * w1;
                a += f[k + 6] * w2;
                a += f[k + 9] * w3;
                h[dst + k] = a;
            }
        }

        /** Vertical pass into one output row at a time, then the blend onto the canvas. */
        private void resampleColumnsAndBlend() {
            ByteBuffer out = canvas;
            int outW = wx.count;
            int rowLen = outW * 3;
            int canvasStride = geometry.bgWidth() * 3;
            int x0 = wx.first * 3;
            for (int j = from; j < to; j++) {
                wy.sumRows(j, fgRowFrom, rowLen, horizontal, acc);
                int p = (wy.first + j) * canvasStride + x0;
                // Whole rows in and out: absolute bulk transfers beat a get and a put per byte.
                out.get(p, line, 0, rowLen);
                int s0 = solidFrom[j];
                int s1 = solidTo[j];
                blend(j * outW, 0, s0);
                // Fully covered: the fg replaces the bg, no blend (the same rounding as blend's).
                for (int k = s0 * 3, end = s1 * 3; k < end; k++) {
                    line[k] = (byte) Math.max(0, Math.min(255, (int) (acc[k] + 0.5f)));
                }
                blend(j * outW, s1, outW);
                out.put(p, line, 0, rowLen);
            }
        }

        /** Columns [from, to) of the current row: acc over line, each pixel at its opacity. */
        private void blend(int rowAlpha, int from, int to) {
            for (int i = from, a = rowAlpha + from, k = from * 3; i < to; i++, a++, k += 3) {
                float op = alpha[a];
                if (op <= 0f) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    float v = acc[k + c];
                    if (op < 1f) {
                        float under = line[k + c] & 0xff;
                        v = under + op * (v - under);
                    }
                    int q = (int) (v + 0.5f);
                    line[k + c] = (byte) (q < 0 ? 0 : (q > 255 ? 255 : q));
                }
            }
        }
    }
}
