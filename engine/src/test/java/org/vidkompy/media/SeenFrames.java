package org.vidkompy.media;

import org.vidkompy.image.Plane;

/** Every frame's thumbnail (rounded to bytes) and time a scan visits, and how often, from any number of threads. */
final class SeenFrames {
    final byte[][] pixels;
    final double[] times;
    final int[] visits;

    SeenFrames(int frames) {
        pixels = new byte[frames][];
        times = new double[frames];
        visits = new int[frames];
    }

    synchronized void visit(int index, double time, Plane[] thumbs, ClipSource.Capture whole) {
        float[] d = thumbs[0].data();
        byte[] b = new byte[d.length];
        for (int k = 0; k < d.length; k++) {
            b[k] = (byte) Math.round(d[k]);
        }
        pixels[index] = b;
        times[index] = time;
        visits[index]++;
    }
}
