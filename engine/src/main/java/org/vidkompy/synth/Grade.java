package org.vidkompy.synth;

/**
 * A non-linear colour grade applied to the fg before encoding, on top of the spec's linear
 * {@code gain}/{@code bias}: per-channel tone curves (gamma), saturation, a colour tint, an S-shaped
 * contrast curve, and a light blur or sharpening. {@link #NONE} leaves every pixel as it was (the
 * generator then takes the same path as before grades existed, byte for byte).
 *
 * @param gammaR   tone curve of red: {@code out = 255 * (in/255)^gamma} (1 = none; 0.5 brightens, 2 darkens)
 * @param gammaG   tone curve of green
 * @param gammaB   tone curve of blue
 * @param saturation 1 = none, 0 = grey, 1.5 = more colourful (around BT.601 luma)
 * @param tintR    multiplier of red after the curves (1 = none)
 * @param tintG    multiplier of green
 * @param tintB    multiplier of blue
 * @param contrast S-curve strength around mid grey: 0 = none, 1 = strong, negative flattens
 * @param blur     sigma in fg pixels of a Gaussian blur (&gt; 0), or the amount of an unsharp mask
 *                 (&lt; 0: -1 adds the full detail of a sigma-1 blur back once more); 0 = none
 */
public record Grade(double gammaR, double gammaG, double gammaB, double saturation,
        double tintR, double tintG, double tintB, double contrast, double blur) {

    public static final Grade NONE = new Grade(1, 1, 1, 1, 1, 1, 1, 0, 0);

    public Grade {
        if (!(gammaR > 0 && gammaG > 0 && gammaB > 0) || saturation < 0) {
            throw new IllegalArgumentException("bad grade: gamma " + gammaR + "/" + gammaG + "/" + gammaB
                    + ", saturation " + saturation);
        }
    }

    public static Grade gamma(double g) {
        return new Grade(g, g, g, 1, 1, 1, 1, 0, 0);
    }

    public static Grade gamma(double r, double g, double b) {
        return new Grade(r, g, b, 1, 1, 1, 1, 0, 0);
    }

    public static Grade saturation(double s) {
        return new Grade(1, 1, 1, s, 1, 1, 1, 0, 0);
    }

    public static Grade tint(double r, double g, double b) {
        return new Grade(1, 1, 1, 1, r, g, b, 0, 0);
    }

    public static Grade contrast(double c) {
        return new Grade(1, 1, 1, 1, 1, 1, 1, c, 0);
    }

    /** Gaussian blur of {@code sigma} fg pixels (&gt; 0) or unsharp mask of that amount (&lt; 0). */
    public static Grade blur(double sigmaOrSharpen) {
        return new Grade(1, 1, 1, 1, 1, 1, 1, 0, sigmaOrSharpen);
    }

    public Grade withGamma(double r, double g, double b) {
        return new Grade(r, g, b, saturation, tintR, tintG, tintB, contrast, blur);
    }

    public Grade withSaturation(double s) {
        return new Grade(gammaR, gammaG, gammaB, s, tintR, tintG, tintB, contrast, blur);
    }

    public Grade withTint(double r, double g, double b) {
        return new Grade(gammaR, gammaG, gammaB, saturation, r, g, b, contrast, blur);
    }

    public Grade withContrast(double c) {
        return new Grade(gammaR, gammaG, gammaB, saturation, tintR, tintG, tintB, c, blur);
    }

    public Grade withBlur(double b) {
        return new Grade(gammaR, gammaG, gammaB, saturation, tintR, tintG, tintB, contrast, b);
    }

    public boolean isIdentity() {
        return equals(NONE);
    }

    /**
     * Grades packed RGB24 {@code rgb} of {@code w x h} pixels into {@code out} (values 0..255, not
     * rounded: the generator adds the linear grade and noise before it rounds).
     */
    public void apply(byte[] rgb, int w, int h, double[] out) {
        for (int i = 0; i < w * h * 3; i++) {
            out[i] = rgb[i] & 0xff;
        }
        if (blur != 0) {
            filter(out, w, h);
        }
        double[] gam = {gammaR, gammaG, gammaB};
        double[] tint = {tintR, tintG, tintB};
        for (int p = 0; p < w * h; p++) {
            int s = 3 * p;
            double[] c = new double[3];
            for (int k = 0; k < 3; k++) {
                double v = Math.max(0, Math.min(255, out[s + k])) / 255.0;
                v = Math.pow(v, gam[k]);
                if (contrast != 0) {
                    // Blend towards a smoothstep S-curve (or away from it when negative).
                    double sCurve = v * v * (3 - 2 * v);
                    v = v + contrast * (sCurve - v);
                }
                c[k] = v * 255.0;
            }
            if (saturation != 1) {
                double y = 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
                for (int k = 0; k < 3; k++) {
                    c[k] = y + saturation * (c[k] - y);
                }
            }
            for (int k = 0; k < 3; k++) {
                out[s + k] = Math.max(0, Math.min(255, c[k] * tint[k]));
            }
        }
    }

    /** Separable Gaussian (blur &gt; 0) or unsharp mask with a sigma-1 Gaussian (blur &lt; 0), edges clamped. */
    private void filter(double[] img, int w, int h) {
        double sigma = blur > 0 ? blur : 1.0;
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        double[] tmp = new double[img.length];
        double[] blurred = new double[img.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double a = 0;
                    for (int i = -r; i <= r; i++) {
                        int xx = Math.max(0, Math.min(w - 1, x + i));
                        a += k[i + r] * img[3 * (y * w + xx) + c];
                    }
                    tmp[3 * (y * w + x) + c] = a;
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double a = 0;
                    for (int i = -r; i <= r; i++) {
                        int yy = Math.max(0, Math.min(h - 1, y + i));
                        a += k[i + r] * tmp[3 * (yy * w + x) + c];
                    }
                    blurred[3 * (y * w + x) + c] = a;
                }
            }
        }
        double amount = blur > 0 ? 0 : -blur;
        for (int i = 0; i < img.length; i++) {
            img[i] = blur > 0 ? blurred[i] : img[i] + amount * (img[i] - blurred[i]);
        }
    }
}
