package org.vidkompy.image;

/**
 * An 8-bit luma picture kept compactly (a quarter of a float {@link Plane}) until it is analysed.
 */
public record LumaImage(int width, int height, byte[] pixels) {

    public LumaImage {
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("luma image needs " + width * height + " bytes");
        }
    }

    public Plane toPlane() {
        Plane p = Plane.allocate(width, height);
        float[] d = p.data();
        for (int i = 0; i < width * height; i++) {
            d[i] = pixels[i] & 0xff;
        }
        return p;
    }

    /** Columns {@code [x, x+w)} and rows {@code [y, y+h)} (inside the picture) as a plane, without a full-size copy. */
    public Plane toPlane(int x, int y, int w, int h) {
        checkInside(x, y, w, h);
        Plane p = Plane.allocate(w, h);
        float[] d = p.data();
        for (int r = 0; r < h; r++) {
            int src = (y + r) * width + x;
            int dst = r * w;
            for (int c = 0; c < w; c++) {
                d[dst + c] = pixels[src + c] & 0xff;
            }
        }
        return p;
    }

    /** Columns {@code [x, x+w)} and rows {@code [y, y+h)} (inside the picture), still 8-bit. */
    public LumaImage crop(int x, int y, int w, int h) {
        checkInside(x, y, w, h);
        if (x == 0 && y == 0 && w == width && h == height) {
            return this;
        }
        byte[] out = new byte[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(pixels, (y + r) * width + x, out, r * w, w);
        }
        return new LumaImage(w, h, out);
    }

    private void checkInside(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("crop " + w + "x" + h + "+" + x + "+" + y + " outside " + width + "x"
                    + height);
        }
    }

    /** {@link #toPlane(double)} rounded back to 8 bits: a quarter of the memory, for keeping. */
    public LumaImage shrunk(double factor) {
        if (factor <= 1.0 + 1e-9) {
            return this;
        }
        Plane p = toPlane(factor);
        float[] d = p.data();
        byte[] out = new byte[p.width() * p.height()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(d[i])));
        }
        return new LumaImage(p.width(), p.height(), out);
    }

    /**
     * The picture shrunk by {@code factor} (≥ 1) with exact area averaging (output pixel u covers
     * source [u·factor, (u+1)·factor)), as a plane; straight from the bytes, without a full-size
     * float copy.
     */
    public Plane toPlane(double factor) {
        if (factor <= 1.0 + 1e-9) {
            return toPlane();
        }
        int ow = Math.max(1, (int) Math.floor(width / factor + 1e-9));
        int oh = Math.max(1, (int) Math.floor(height / factor + 1e-9));
        float[] rows = new float[ow * height];
        int[] x0 = new int[ow];
        int[] x1 = new int[ow];
        float[][] wx = weights(ow, factor, width, x0, x1);
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int u = 0; u < ow; u++) {
                float acc = 0;
                float[] w = wx[u];
                for (int x = x0[u]; x <= x1[u]; x++) {
                    acc += (pixels[base + x] & 0xff) * w[x - x0[u]];
                }
                rows[y * ow + u] = acc;
            }
        }
        int[] y0 = new int[oh];
        int[] y1 = new int[oh];
        float[][] wy = weights(oh, factor, height, y0, y1);
        Plane out = Plane.allocate(ow, oh);
        float[] d = out.data();
        for (int v = 0; v < oh; v++) {
            float[] w = wy[v];
            for (int y = y0[v]; y <= y1[v]; y++) {
                float wt = w[y - y0[v]];
                int src = y * ow;
                int dst = v * ow;
                for (int u = 0; u < ow; u++) {
                    d[dst + u] += rows[src + u] * wt;
                }
            }
        }
        return out;
    }

    /** Per output pixel: the source pixels it covers and their normalised coverage. */
    private static float[][] weights(int n, double factor, int limit, int[] first, int[] last) {
        float[][] w = new float[n][];
        for (int o = 0; o < n; o++) {
            double a = o * factor;
            double b = Math.min(limit, a + factor);
            first[o] = (int) Math.floor(a);
            last[o] = Math.min(limit - 1, (int) Math.ceil(b) - 1);
            w[o] = new float[last[o] - first[o] + 1];
            double total = b - a;
            for (int i = first[o]; i <= last[o]; i++) {
                w[o][i - first[o]] = (float) ((Math.min(b, i + 1) - Math.max(a, i)) / total);
            }
        }
        return w;
    }
}
