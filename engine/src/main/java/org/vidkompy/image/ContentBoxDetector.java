package org.vidkompy.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds letterbox and pillarbox bars: rows and columns at the frame edges that are near-black in every
 * sample that shows a picture at all.
 *
 * <p>A line counts as bar when its mean is at most {@link #BAR_MAX_MEAN} and its standard deviation
 * at most {@link #BAR_MAX_STD}: this admits both full-range (0) and limited-range (16) black with
 * codec noise, while picture lines rarely stay that dark and that flat in all samples. Only runs
 * touching an edge are bars, so dark picture in the middle never splits the box. Samples whose whole
 * frame is flat (black frames, fades) say nothing about bars and are skipped. If trimming would leave
 * less than a quarter of either dimension, the detector distrusts itself and returns the full frame.
 */
public final class ContentBoxDetector {

    static final double BAR_MAX_MEAN = 32;
    static final double BAR_MAX_STD = 12;
    static final double FLAT_FRAME_STD = 2;

    public PixelRect detect(List<Plane> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        int w = samples.get(0).width();
        int h = samples.get(0).height();
        List<Plane> pictures = new ArrayList<>();
        for (Plane p : samples) {
            if (p.width() != w || p.height() != h) {
                throw new IllegalArgumentException("samples differ in size");
            }
            if (PlaneStats.of(p).std() >= FLAT_FRAME_STD) {
                pictures.add(p);
            }
        }
        if (pictures.isEmpty()) {
            return PixelRect.full(w, h);
        }
        boolean[] barRow = new boolean[h];
        boolean[] barCol = new boolean[w];
        java.util.Arrays.fill(barRow, true);
        java.util.Arrays.fill(barCol, true);
        for (Plane p : pictures) {
            for (int r = 0; r < h; r++) {
                if (barRow[r] && !isBar(p, 0, r, 1, 0, w)) {
                    barRow[r] = false;
                }
            }
            for (int c = 0; c < w; c++) {
                if (barCol[c] && !isBar(p, c, 0, 0, 1, h)) {
                    barCol[c] = false;
                }
            }
        }
        int top = 0;
        while (top < h && barRow[top]) {
            top++;
        }
        int bottom = h;
        while (bottom > top && barRow[bottom - 1]) {
            bottom--;
        }
        int left = 0;
        while (left < w && barCol[left]) {
            left++;
        }
        int right = w;
        while (right > left && barCol[right - 1]) {
            right--;
        }
        if ((bottom - top) * 4 < h || (right - left) * 4 < w) {
            return PixelRect.full(w, h);
        }
        return new PixelRect(left, top, right - left, bottom - top);
    }

    private static boolean isBar(Plane p, int x0, int y0, int dx, int dy, int n) {
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double v = p.get(x0 + i * dx, y0 + i * dy);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double var = Math.max(0, sumSq / n - mean * mean);
        return mean <= BAR_MAX_MEAN && var <= BAR_MAX_STD * BAR_MAX_STD;
    }
}
