package org.vidkompy.ofx.effect;

import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.RectI;

/**
 * Foreground over background with a bilinear draw of the scaled, offset foreground. Pixels are
 * treated as premultiplied: out = fg * w + bg * (1 - fgAlpha * w), where w is the part of the
 * output pixel the foreground rectangle covers (exact, so edges are antialiased without bleeding
 * past the rectangle) times the feather weight. Samples clamp to the foreground's edge pixels. An
 * exact placement (integer offset, scale 1, render scale 1) copies foreground pixels unchanged.
 */
public final class BilinearCompositor implements FrameCompositor {

    @Override
    public void composite(ImageView fg, ImageView bg, ImageView out, RectI window, Placement p, double[] renderScale) {
        RectI area = window.intersect(out.bounds());
        if (bg == null) {
            copy(fg, out, area);
            return;
        }
        double sx = renderScale[0], sy = renderScale[1];
        double[] fgRod = p.foreground(), bgRod = p.background();
        double fgW = fgRod[2] - fgRod[0], fgH = fgRod[3] - fgRod[1];
        // the foreground rectangle in background canonical coordinates, y down from the top edge
        double left = p.x(), right = p.x() + fgW * p.scale(), top = p.y(), bottom = p.y() + fgH * p.scale();
        float[] f = new float[4], b = new float[4], o = new float[4];
        for (int j = area.y1(); j < area.y2(); j++) {
            double yDown = bgRod[3] - (j + 0.5) / sy;            // pixel centre, canonical, from the bg top
            double coverY = overlap(bgRod[3] - (j + 1) / sy, bgRod[3] - j / sy, top, bottom);
            double v = (yDown - p.y()) / p.scale();               // fg canonical, from its top edge
            double fy = (fgRod[3] - v) * sy - 0.5;                // fg pixel-centre row index (y up)
            for (int i = area.x1(); i < area.x2(); i++) {
                double xa = i / sx - bgRod[0];
                double cover = coverY * overlap(xa, (i + 1) / sx - bgRod[0], left, right);
                double u = ((i + 0.5) / sx - bgRod[0] - p.x()) / p.scale();
                double w = cover;
                if (w > 0 && p.feather() > 0) {
                    double edge = Math.min(Math.min(u, fgW - u), Math.min(v, fgH - v));
                    w *= Math.max(0, Math.min(1, edge / p.feather()));
                }
                if (w > 0) {
                    sample(fg, (fgRod[0] + u) * sx - 0.5, fy, f);
                } else {
                    f[0] = f[1] = f[2] = f[3] = 0;
                }
                if (bg.contains(i, j)) {
                    bg.getPixel(i, j, b);
                } else {
                    b[0] = b[1] = b[2] = b[3] = 0;
                }
                float keep = (float) (1 - f[3] * w);
                for (int c = 0; c < 4; c++) {
                    o[c] = (float) (f[c] * w) + b[c] * keep;
                }
                out.setPixel(i, j, o);
            }
        }
    }

    /** Fraction of [a, b] inside [lo, hi]. */
    private static double overlap(double a, double b, double lo, double hi) {
        return Math.max(0, Math.min(b, hi) - Math.max(a, lo)) / (b - a);
    }

    /** Bilinear sample at pixel-index coordinates (x, y), clamped to the image's edge pixels. */
    static void sample(ImageView img, double x, double y, float[] rgba) {
        RectI r = img.bounds();
        rgba[0] = rgba[1] = rgba[2] = rgba[3] = 0;
        if (r.isEmpty()) {
            return;
        }
        x = Math.max(r.x1(), Math.min(r.x2() - 1, x));
        y = Math.max(r.y1(), Math.min(r.y2() - 1, y));
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        int x1 = Math.min(x0 + 1, r.x2() - 1), y1 = Math.min(y0 + 1, r.y2() - 1);
        double ax = x - x0, ay = y - y0;
        for (int c = 0; c < 4; c++) {
            double top = img.get(x0, y1, c) * (1 - ax) + img.get(x1, y1, c) * ax;
            double bottom = img.get(x0, y0, c) * (1 - ax) + img.get(x1, y0, c) * ax;
            rgba[c] = (float) (bottom * (1 - ay) + top * ay);
        }
    }

    private static void copy(ImageView from, ImageView to, RectI area) {
        float[] px = new float[4];
        float[] clear = new float[4];
        for (int j = area.y1(); j < area.y2(); j++) {
            for (int i = area.x1(); i < area.x2(); i++) {
                if (from.contains(i, j)) {
                    from.getPixel(i, j, px);
                    to.setPixel(i, j, px);
                } else {
                    to.setPixel(i, j, clear);
                }
            }
        }
    }
}
