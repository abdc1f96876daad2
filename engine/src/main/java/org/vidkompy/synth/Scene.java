package org.vidkompy.synth;

import java.util.Random;

/**
 * A procedural, natural-looking moving scene that can be sampled at any sub-pixel position and any
 * scale, so a foreground "cut" from the background has an exactly known geometry without any
 * resampling of encoded pixels.
 *
 * <p>The scene is a multi-octave noise texture (structure from a few pixels up to the frame size)
 * that drifts slowly, plus textured soft-edged blobs moving on independent paths. Scene time is
 * measured in background frames; {@link #sceneTime(int)} may hold time still to model static stretches.
 *
 * <p>Rendering is a bilinear lookup into a precomputed texture at {@value #OVERSAMPLE}x the
 * background resolution, which keeps 1080p generation fast enough for benchmarks. The texture and
 * its noise layers take about 150 bytes per bg pixel while it is built (5 GB of heap and more for 8K).
 *
 * <p>Over 250 lines because the texture's construction (noise, structures, tint) and its sampling
 * belong together: they define one scene.
 */
public final class Scene {

    static final int OVERSAMPLE = 2;
    private static final int BLOBS = 12;

    private final int bgWidth;
    private final int bgHeight;
    private final int texW;
    private final int texH;
    private final float[][] texture = new float[3][];
    private final double[][] blob; // per blob: cx, cy, vx, vy, radius, r, g, b, phase, texture offset
    private final int staticFrom;
    private final int staticTo;
    /** Scene time per bg frame across the static stretch (0: held still). */
    private final double holdCreep;
    /** Texture beyond the bg frame on each side, in bg pixels: the sway's margin plus any overhang room. */
    private final int marginX;
    private final int marginY;

    /**
     * @param staticFrom first bg frame of a range in which the scene stands still (or -1)
     * @param staticTo   last bg frame of that range, inclusive
     */
    public Scene(long seed, int bgWidth, int bgHeight, int staticFrom, int staticTo) {
        this(seed, bgWidth, bgHeight, staticFrom, staticTo, 0, 0);
    }

    /**
     * A scene with real picture {@code overhangX} / {@code overhangY} bg pixels beyond each side of the
     * bg frame, for a fg that extends past the bg (a 16:9 master over a 4:3 pan-and-scan). With no
     * overhang the scene is the same, pixel for pixel, as without it; with some, it is another scene.
     */
    public Scene(long seed, int bgWidth, int bgHeight, int staticFrom, int staticTo, int overhangX, int overhangY) {
        this(seed, bgWidth, bgHeight, staticFrom, staticTo, overhangX, overhangY, false);
    }

    /**
     * @param still nothing moves in the scene but the camera (no blobs): over its sway a placement a few
     *              pixels along it and a time a few frames off explain the pictures almost as well as
     *              the truth, as over a real landscape
     */
    public Scene(long seed, int bgWidth, int bgHeight, int staticFrom, int staticTo, int overhangX, int overhangY,
                 boolean still) {
        this(seed, bgWidth, bgHeight, staticFrom, staticTo, overhangX, overhangY, still, 0);
    }

    /** @param holdCreep scene time per bg frame across the static stretch: a near-still hold above 0 */
    public Scene(long seed, int bgWidth, int bgHeight, int staticFrom, int staticTo, int overhangX, int overhangY,
                 boolean still, double holdCreep) {
        this.holdCreep = holdCreep;
        this.bgWidth = bgWidth;
        this.bgHeight = bgHeight;
        this.staticFrom = staticFrom;
        this.staticTo = staticTo;
        this.marginX = margin(bgWidth) + Math.max(0, overhangX);
        this.marginY = margin(bgHeight) + Math.max(0, overhangY);
        // Margin so that panning and small negative coordinates stay inside the texture.
        this.texW = (bgWidth + 2 * marginX) * OVERSAMPLE;
        this.texH = (bgHeight + 2 * marginY) * OVERSAMPLE;
        Random rnd = new Random(seed);
        // Natural images have strongly correlated channels: one detailed luma texture with hard-edged
        // structures, tinted by two low-frequency chroma fields.
        int largest = Math.max(bgWidth, bgHeight) * OVERSAMPLE;
        float[] luma = fractalNoise(rnd.nextLong(), texW, texH, largest, 3, 0.78);
        addStructures(rnd, luma, texW, texH);
        float[] chromaA = fractalNoise(rnd.nextLong(), texW, texH, largest, largest / 12, 0.6);
        float[] chromaB = fractalNoise(rnd.nextLong(), texW, texH, largest, largest / 12, 0.6);
        for (int c = 0; c < 3; c++) {
            texture[c] = new float[texW * texH];
        }
        for (int i = 0; i < luma.length; i++) {
            float a = (chromaA[i] - 128) * 0.45f;
            float b = (chromaB[i] - 128) * 0.45f;
            texture[0][i] = luma[i] + a;
            texture[1][i] = luma[i] - 0.5f * a - 0.3f * b;
            texture[2][i] = luma[i] + b;
        }
        blob = new double[still ? 0 : BLOBS][];
        for (int i = 0; i < blob.length; i++) {
            double r = (0.05 + 0.10 * rnd.nextDouble()) * Math.min(bgWidth, bgHeight);
            blob[i] = new double[] {
                rnd.nextDouble() * bgWidth, rnd.nextDouble() * bgHeight,
                (rnd.nextDouble() - 0.5) * bgWidth / 45.0, (rnd.nextDouble() - 0.5) * bgHeight / 45.0,
                r, 40 + 200 * rnd.nextDouble(), 40 + 200 * rnd.nextDouble(), 40 + 200 * rnd.nextDouble(),
                rnd.nextDouble() * Math.PI * 2, rnd.nextDouble() * 1000
            };
        }
    }

    public Scene(long seed, int bgWidth, int bgHeight) {
        this(seed, bgWidth, bgHeight, -1, -1);
    }

    /** The scene of a spec: with room for its fg's overhang past the bg frame, if it has one. */
    public static Scene of(PairSpec spec) {
        Viewport c = spec.contentViewport();
        double left = -c.x();
        double right = c.x() + c.width() * c.scale() - spec.bgWidth();
        double top = -c.y();
        double bottom = c.y() + c.height() * c.scale() - spec.bgHeight();
        int ox = overhang(Math.max(left, right));
        int oy = overhang(Math.max(top, bottom));
        return new Scene(spec.seed(), spec.bgWidth(), spec.bgHeight(), spec.staticFrom(), spec.staticTo(), ox, oy,
                spec.still(), spec.holdCreep());
    }

    private static int overhang(double beyond) {
        return beyond > 0 ? (int) Math.ceil(beyond) + 2 : 0;
    }

    public int width() {
        return bgWidth;
    }

    public int height() {
        return bgHeight;
    }

    /** Scene time shown by background frame {@code bgIndex}; constant (or creeping) across the static stretch. */
    public double sceneTime(int bgIndex) {
        if (staticFrom >= 0 && bgIndex >= staticFrom) {
            double held = staticFrom + holdCreep * (Math.min(bgIndex, staticTo) - staticFrom);
            return bgIndex <= staticTo ? held : held + bgIndex - staticTo;
        }
        return bgIndex;
    }

    private static int margin(int size) {
        return size / 8 + 8;
    }

    /** Renders background frame {@code bgIndex} through the viewport as packed RGB24. */
    public void renderRgb(int bgIndex, Viewport vp, byte[] rgb) {
        render(sceneTime(bgIndex), vp, rgb, null);
    }

    /** Renders background frame {@code bgIndex} through the viewport as luma (BT.601 weights), 0..255. */
    public void renderGray(int bgIndex, Viewport vp, float[] gray) {
        render(sceneTime(bgIndex), vp, null, gray);
    }

    private void render(double t, Viewport vp, byte[] rgb, float[] gray) {
        int w = vp.width();
        int h = vp.height();
        double s = vp.scale();
        int ss = samplesPerSide(s);
        // A slow handheld-like camera sway (up to about 0.4% of the width per frame) that stays inside
        // the texture's margin however long the clip.
        double panX = marginX + 0.8 * margin(bgWidth) * Math.sin(t / 71.0);
        double panY = marginY + 0.6 * margin(bgHeight) * Math.cos(t / 97.0);
        double[][] bp = blobPositions(t);
        float[] px = new float[3];
        float[] acc = new float[3];
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                acc[0] = acc[1] = acc[2] = 0;
                for (int sy = 0; sy < ss; sy++) {
                    for (int sx = 0; sx < ss; sx++) {
                        double bx = vp.x() + (u + (sx + 0.5) / ss) * s;
                        double by = vp.y() + (v + (sy + 0.5) / ss) * s;
                        sample(bx, by, panX, panY, bp, px);
                        acc[0] += px[0];
                        acc[1] += px[1];
                        acc[2] += px[2];
                    }
                }
                float n = ss * ss;
                float r = acc[0] / n;
                float g = acc[1] / n;
                float b = acc[2] / n;
                int i = v * w + u;
                if (rgb != null) {
                    rgb[3 * i] = (byte) clamp255(r);
                    rgb[3 * i + 1] = (byte) clamp255(g);
                    rgb[3 * i + 2] = (byte) clamp255(b);
                }
                if (gray != null) {
                    gray[i] = Math.max(0f, Math.min(255f, 0.299f * r + 0.587f * g + 0.114f * b));
                }
            }
        }
    }

    /**
     * Samples per side of a pixel, at most half a bg pixel apart: each pixel is the mean of the scene
     * over its footprint, as a camera's sensor sees it. Point samples alias the texture's finest detail
     * differently at each sub-pixel phase of the sway, so over a slow pan a neighbouring bg frame fitted
     * a fg frame better than the one it was rendered from (seed 160 of the mixed pairs, not encoded:
     * 9 of 140 frames preferred a neighbour, 1 with two samples per side).
     */
    static int samplesPerSide(double scale) {
        return Math.max(2, (int) Math.ceil(2 * scale - 1e-9));
    }

    private double[][] blobPositions(double t) {
        double[][] p = new double[blob.length][3];
        for (int i = 0; i < blob.length; i++) {
            double[] b = blob[i];
            // Positions wrap around the frame so blobs never leave for good; radius breathes a little.
            p[i][0] = wrap(b[0] + b[2] * t + 0.1 * bgWidth * Math.sin(t / 30.0 + b[8]), bgWidth);
            p[i][1] = wrap(b[1] + b[3] * t + 0.1 * bgHeight * Math.cos(t / 23.0 + b[8]), bgHeight);
            p[i][2] = b[4] * (1 + 0.15 * Math.sin(t / 17.0 + b[8]));
        }
        return p;
    }

    private static double wrap(double v, double size) {
        double r = v % (size * 1.4);
        if (r < 0) {
            r += size * 1.4;
        }
        return r - size * 0.2;
    }

    private void sample(double bx, double by, double panX, double panY, double[][] bp, float[] out) {
        double tx = (bx + panX) * OVERSAMPLE - 0.5;
        double ty = (by + panY) * OVERSAMPLE - 0.5;
        for (int c = 0; c < 3; c++) {
            out[c] = bilinear(texture[c], tx, ty);
        }
        for (int i = 0; i < bp.length; i++) {
            double dx = bx - bp[i][0];
            double dy = by - bp[i][1];
            double r = bp[i][2];
            double d = Math.sqrt(dx * dx + dy * dy);
            if (d > r + 1.5) {
                continue;
            }
            double alpha = Math.max(0, Math.min(1, (r - d) / 1.5 + 0.5)) * 0.85;
            double[] b = blob[i];
            // The blob carries its own texture (a slice of channel 0 at an offset), moving with it.
            double tex = bilinear(texture[0], (dx + b[9] % (texW / OVERSAMPLE / 2.0) + r) * OVERSAMPLE,
                    (dy + b[9] % (texH / OVERSAMPLE / 2.0) + r) * OVERSAMPLE) / 255.0;
            for (int c = 0; c < 3; c++) {
                double col = b[5 + c] * (0.55 + 0.6 * tex);
                out[c] = (float) (out[c] * (1 - alpha) + col * alpha);
            }
        }
    }

    private float bilinear(float[] t, double x, double y) {
        x = Math.max(0, Math.min(texW - 1.001, x));
        y = Math.max(0, Math.min(texH - 1.001, y));
        int x0 = (int) x;
        int y0 = (int) y;
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        int i = y0 * texW + x0;
        float a = t[i] + (t[i + 1] - t[i]) * fx;
        float b = t[i + texW] + (t[i + texW + 1] - t[i + texW]) * fx;
        return a + (b - a) * fy;
    }

    /** Rectangles and bars of flat tone: sharp edges at many sizes, like walls, windows and signs. */
    private static void addStructures(Random rnd, float[] t, int w, int h) {
        int n = 60;
        for (int k = 0; k < n; k++) {
            int rw = (int) (w * (0.01 + 0.12 * Math.pow(rnd.nextDouble(), 2)));
            int rh = (int) (h * (0.01 + 0.12 * Math.pow(rnd.nextDouble(), 2)));
            int x0 = rnd.nextInt(Math.max(1, w - rw));
            int y0 = rnd.nextInt(Math.max(1, h - rh));
            float tone = 30 + 200 * rnd.nextFloat();
            float mix = 0.5f + 0.4f * rnd.nextFloat();
            for (int y = y0; y < y0 + rh; y++) {
                for (int x = x0; x < x0 + rw; x++) {
                    int i = y * w + x;
                    t[i] = t[i] * (1 - mix) + tone * mix;
                }
            }
        }
    }

    /** Sum of value-noise octaves with smooth (cubic) interpolation, normalised to about 20..235. */
    private static float[] fractalNoise(long seed, int w, int h, int largest, int smallest, double decay) {
        float[] out = new float[w * h];
        Random rnd = new Random(seed);
        double amp = 1.0;
        double total = 0;
        for (int cell = Math.max(smallest, largest / 3); cell >= smallest; cell /= 2) {
            int gw = w / cell + 3;
            int gh = h / cell + 3;
            float[] grid = new float[gw * gh];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = (float) (rnd.nextDouble() * 2 - 1);
            }
            for (int y = 0; y < h; y++) {
                double gy = (double) y / cell;
                int iy = (int) gy;
                double fy = smooth(gy - iy);
                for (int x = 0; x < w; x++) {
                    double gx = (double) x / cell;
                    int ix = (int) gx;
                    double fx = smooth(gx - ix);
                    double a = grid[iy * gw + ix] + (grid[iy * gw + ix + 1] - grid[iy * gw + ix]) * fx;
                    double b = grid[(iy + 1) * gw + ix]
                            + (grid[(iy + 1) * gw + ix + 1] - grid[(iy + 1) * gw + ix]) * fx;
                    out[y * w + x] += (float) (amp * (a + (b - a) * fy));
                }
            }
            total += amp;
            amp *= decay;
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : out) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float k = 215f / Math.max(1e-6f, max - min);
        for (int i = 0; i < out.length; i++) {
            out[i] = 20 + (out[i] - min) * k;
        }
        return out;
    }

    private static double smooth(double f) {
        return f * f * (3 - 2 * f);
    }

    private static int clamp255(float v) {
        int i = Math.round(v);
        return i < 0 ? 0 : Math.min(255, i);
    }
}
