package org.vidkompy.spatial;

import java.util.List;
import org.vidkompy.image.Plane;
import org.vidkompy.image.SummedAreaTable;

/**
 * Reference {@link Correlator}: cross-correlation through a pure-Java real FFT, normalised per
 * placement with summed-area tables of the image and of its square.
 *
 * <p>Per call the image spectra and tables are computed once and kept for all templates; each
 * template is transformed once; each pair then costs one spectrum product and one inverse transform.
 * The FFT grid is the image size rounded up to powers of two: correlating the zero-padded template
 * circularly over that grid never wraps for placements inside the image, so no further padding is
 * needed.
 */
public final class CpuCorrelator implements Correlator {

    @Override
    public void correlate(List<Plane> templates, List<Plane> images, SurfaceVisitor visitor) {
        if (!CorrelationInputs.check(templates, images)) {
            return;
        }
        int w = images.get(0).width();
        int h = images.get(0).height();
        RealFft2d fft = new RealFft2d(Math.max(2, nextPow2(w)), nextPow2(h));
        int gw = fft.width();
        int gh = fft.height();
        int spec = fft.spectrumLength();
        double[][] imgRe = new double[images.size()][];
        double[][] imgIm = new double[images.size()][];
        SummedAreaTable[] sums = new SummedAreaTable[images.size()];
        double[] grid = new double[gw * gh];
        for (int i = 0; i < images.size(); i++) {
            Plane img = images.get(i);
            java.util.Arrays.fill(grid, 0);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grid[y * gw + x] = img.data()[y * w + x];
                }
            }
            imgRe[i] = new double[spec];
            imgIm[i] = new double[spec];
            fft.forward(grid, imgRe[i], imgIm[i]);
            sums[i] = new SummedAreaTable(img);
        }
        double[] tRe = new double[spec];
        double[] tIm = new double[spec];
        double[] pRe = new double[spec];
        double[] pIm = new double[spec];
        float[] surface = new float[w * h];
        for (int t = 0; t < templates.size(); t++) {
            Plane tpl = templates.get(t);
            int tw = tpl.width();
            int th = tpl.height();
            int n = tw * th;
            double mean = tpl.mean();
            double norm = 0;
            java.util.Arrays.fill(grid, 0);
            for (int y = 0; y < th; y++) {
                for (int x = 0; x < tw; x++) {
                    double v = tpl.data()[y * tw + x] - mean;
                    grid[y * gw + x] = v;
                    norm += v * v;
                }
            }
            norm = Math.sqrt(norm);
            fft.forward(grid, tRe, tIm, th);
            int pw = w - tw + 1;
            int ph = h - th + 1;
            ZnccSurface out = new ZnccSurface(pw, ph, surface);
            double minWindowVar = CorrelationInputs.MIN_WINDOW_STD * CorrelationInputs.MIN_WINDOW_STD * n;
            for (int i = 0; i < images.size(); i++) {
                double[] ar = imgRe[i];
                double[] ai = imgIm[i];
                // Correlation is the product with the template's conjugate spectrum.
                for (int k = 0; k < spec; k++) {
                    pRe[k] = ar[k] * tRe[k] + ai[k] * tIm[k];
                    pIm[k] = ai[k] * tRe[k] - ar[k] * tIm[k];
                }
                // Only the rows of valid placements are needed.
                fft.inverse(pRe, pIm, grid, ph);
                SummedAreaTable sa = sums[i];
                for (int py = 0; py < ph; py++) {
                    for (int px = 0; px < pw; px++) {
                        double s = sa.sum(px, py, tw, th);
                        double windowVar = sa.sumSq(px, py, tw, th) - s * s / n;
                        float z = 0;
                        if (norm > 0 && windowVar > minWindowVar) {
                            double v = grid[py * gw + px] / (norm * Math.sqrt(windowVar));
                            z = (float) Math.max(-1, Math.min(1, v));
                        }
                        surface[py * pw + px] = z;
                    }
                }
                visitor.visit(t, i, out);
            }
        }
    }

    static int nextPow2(int n) {
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

}
