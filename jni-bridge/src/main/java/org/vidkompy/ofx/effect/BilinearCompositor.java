package org.vidkompy.ofx.effect;

import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.RectI;

/**
 * Foreground over background with a bilinear draw of the scaled, offset foreground. Pixels are
 * treated as premultiplied: out = fg * w + bg * (1 - fgAlpha * w), where w is the feather weight.
 * Outside the foreground image samples are transparent, so edges are antialiased; an exact
 * placement (integer offset, scale 1, render scale 1) copies foreground pixels unchanged.
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
        float[] f = new float[4], b = new float[4], o = new float[4];
        for (int j = area.y1(); j < area.y2(); j++) {
            double yDown = bgRod[3] - (j + 0.5) / sy;            // canonical, from the bg top edge
            double v = (yDown - p.y()) / p.scale();               // fg canonical, from its top edge
            double fy = (fgRod[3] - v) * sy - 0.5;                // fg pixel-centre row index (y up)
            for (int i = area.x1(); i < area.x2(); i++) {
                double u = ((i + 0.5) / sx - bgRod[0] - p.x()) / p.scale();
                double fx = (fgRod[0] + u) * sx - 0.5;
                sample(fg, fx, fy, f);
                double w = 1;
                if (p.feather() > 0) {
                    double edge = Math.min(Math.min(u, fgW - u), Math.min(v, fgH - v));
                    w = Math.max(0, Math.min(1, edge / p.feather()));
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

    /** Bilinear sample at pixel-index coordinates (x, y); neighbours outside the image count as transparent. */
    static void sample(ImageView img, double x, double y, float[] rgba) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double ax = x - x0, ay = y - y0;
        rgba[0] = rgba[1] = rgba[2] = rgba[3] = 0;
        accumulate(img, x0, y0, (1 - ax) * (1 - ay), rgba);
        accumulate(img, x0 + 1, y0, ax * (1 - ay), rgba);
        accumulate(img, x0, y0 + 1, (1 - ax) * ay, rgba);
        accumulate(img, x0 + 1, y0 + 1, ax * ay, rgba);
    }

    private static void accumulate(ImageView img, int x, int y, double weight, float[] rgba) {
        if (weight <= 0 || !img.contains(x, y)) {
            return;
        }
        for (int c = 0; c < 4; c++) {
            rgba[c] += (float) (img.get(x, y, c) * weight);
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
