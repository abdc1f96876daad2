package org.vidkompy.compose;

/**
 * Keys' cubic convolution kernel with a = -0.5 (Catmull-Rom): interpolating (passes through the
 * samples, so an integer shift at scale 1 is an exact copy), C1-smooth, third-order accurate, with a
 * small overshoot that keeps edges crisp. Support is [-2, 2].
 */
final class CubicKernel {

    static final double RADIUS = 2.0;

    private CubicKernel() {
    }

    static double weight(double d) {
        double t = Math.abs(d);
        if (t < 1) {
            return (1.5 * t - 2.5) * t * t + 1;
        }
        if (t < 2) {
            return ((-0.5 * t + 2.5) * t - 4) * t + 2;
        }
        return 0;
    }
}
