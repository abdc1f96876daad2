package org.vidkompy.temporal;

/** The one inner loop everything spends its time in, kept in one place so the JIT sees one shape. */
final class VectorMath {

    private VectorMath() {
    }

    /** Integer dot product of two signed-byte vectors of length {@code n}. */
    static int dot(byte[] a, int ao, byte[] b, int bo, int n) {
        int s = 0;
        for (int k = 0; k < n; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }
}
