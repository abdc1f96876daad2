package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void complexTransformMatchesNaiveDft() {
        Random rnd = new Random(1);
        for (int n : new int[] {1, 2, 4, 8, 64}) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = rnd.nextGaussian();
                im[i] = rnd.nextGaussian();
            }
            double[] wantRe = new double[n];
            double[] wantIm = new double[n];
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    double a = -2 * Math.PI * j * k / n;
                    wantRe[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                    wantIm[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
                }
            }
            new Fft(n).forward(re, im);
            for (int k = 0; k < n; k++) {
                assertEquals(wantRe[k], re[k], 1e-9, "re n=" + n + " k=" + k);
                assertEquals(wantIm[k], im[k], 1e-9, "im n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void realForwardMatchesNaive2dDftAndRoundTrips() {
        Random rnd = new Random(2);
        int w = 16;
        int h = 8;
        double[] x = new double[w * h];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble() * 255;
        }
        RealFft2d fft = new RealFft2d(w, h);
        double[] re = new double[fft.spectrumLength()];
        double[] im = new double[fft.spectrumLength()];
        fft.forward(x, re, im);
        double worst = 0;
        for (int ky = 0; ky < h; ky++) {
            for (int kx = 0; kx <= w / 2; kx++) {
                double sr = 0;
                double si = 0;
                for (int y = 0; y < h; y++) {
                    for (int xx = 0; xx < w; xx++) {
                        double a = -2 * Math.PI * ((double) kx * xx / w + (double) ky * y / h);
                        sr += x[y * w + xx] * Math.cos(a);
                        si += x[y * w + xx] * Math.sin(a);
                    }
                }
                worst = Math.max(worst, Math.abs(sr - re[ky * fft.bins() + kx]));
                worst = Math.max(worst, Math.abs(si - im[ky * fft.bins() + kx]));
            }
        }
        System.out.printf("real 2-D FFT vs naive DFT: max error %.3g%n", worst);
        assertEquals(0, worst, 1e-8);

        double[] back = new double[w * h];
        fft.inverse(re, im, back);
        double roundTrip = 0;
        for (int i = 0; i < x.length; i++) {
            roundTrip = Math.max(roundTrip, Math.abs(back[i] - x[i]));
        }
        System.out.printf("real 2-D FFT round trip: max error %.3g%n", roundTrip);
        assertEquals(0, roundTrip, 1e-10);
    }

    @Test
    void roundTripOnNonSquareGrid() {
        Random rnd = new Random(3);
        for (int[] size : new int[][] {{2, 1}, {2, 2}, {4, 32}, {256, 128}}) {
            int w = size[0];
            int h = size[1];
            double[] x = new double[w * h];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian();
            }
            RealFft2d fft = new RealFft2d(w, h);
            double[] re = new double[fft.spectrumLength()];
            double[] im = new double[fft.spectrumLength()];
            fft.forward(x, re, im);
            double[] back = new double[w * h];
            fft.inverse(re, im, back);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], back[i], 1e-10, w + "x" + h + " at " + i);
            }
        }
    }
}
