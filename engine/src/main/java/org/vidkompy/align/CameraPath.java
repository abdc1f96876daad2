package org.vidkompy.align;

/**
 * How a clip's whole picture moved from frame to frame (a pan, a tilt), read from its thumbnails: the
 * content's shift since the first frame looked at, per axis, in thumbnail pixels.
 *
 * <p>Each step is found from the rows' and the columns' mean levels (a picture moving down moves its
 * row profile down by as much), compared as differences of neighbouring rows so that a gradient across
 * the picture, which matches itself at any shift, says nothing. Cheap enough for every frame of a
 * clip's stored thumbnails; a scene whose parts move differently gives the motion of most of it.
 */
final class CameraPath {

    /** Largest step between neighbouring frames looked for, as a share of the thumbnail's side. */
    static final double REACH = 0.2;
    /** A frame whose picture has moved this share of its side from the key frame becomes the key. */
    static final double REKEY = 0.15;
    /** Profile entries two shifted profiles must share, as a share of the profile, for a shift to count. */
    static final double MIN_OVERLAP = 0.5;

    private final int first;
    private final double[] x;
    private final double[] y;

    private CameraPath(int first, double[] x, double[] y) {
        this.first = first;
        this.x = x;
        this.y = y;
    }

    /**
     * The path over frames {@code first..last} of {@code store}. Each frame is held against a key frame,
     * not its neighbour, so that each step's rounding does not add up over a long move: the key moves on
     * once the picture has moved {@link #REKEY} of its side from it.
     */
    static CameraPath of(ThumbnailStore store, int first, int last) {
        int w = store.width();
        int h = store.height();
        int n = Math.max(1, last - first + 1);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] rows = new double[h];
        double[] cols = new double[w];
        double[] keyRows = new double[h - 1];
        double[] keyCols = new double[w - 1];
        double[] dRows = new double[h - 1];
        double[] dCols = new double[w - 1];
        byte[] keyPixels = new byte[w * h];
        Matcher matcher = new Matcher(w, h);
        int key = 0;
        for (int k = 0; k < n; k++) {
            int frame = first + k;
            profiles(store, frame, rows, cols);
            differences(rows, dRows);
            differences(cols, dCols);
            if (k > 0) {
                // Where the picture is expected from the last step, the key's own place taken off.
                double guessX = x[k - 1] - x[key] + (k > 1 ? x[k - 1] - x[k - 2] : 0);
                double guessY = y[k - 1] - y[key] + (k > 1 ? y[k - 1] - y[k - 2] : 0);
                double sx = shift(keyCols, dCols, guessX);
                double sy = shift(keyRows, dRows, guessY);
                matcher.refine(keyPixels, store.chunk(frame), store.offset(frame), sx, sy);
                x[k] = x[key] + matcher.x;
                y[k] = y[key] + matcher.y;
            }
            if (k == 0 || Math.abs(x[k] - x[key]) > REKEY * w || Math.abs(y[k] - y[key]) > REKEY * h) {
                key = k;
                System.arraycopy(dRows, 0, keyRows, 0, dRows.length);
                System.arraycopy(dCols, 0, keyCols, 0, dCols.length);
                System.arraycopy(store.chunk(frame), store.offset(frame), keyPixels, 0, w * h);
            }
        }
        return new CameraPath(first, x, y);
    }

    /** The content's shift at (fractional) frame {@code j} since the first frame, held at the ends. */
    double x(double j) {
        return at(x, j - first);
    }

    double y(double j) {
        return at(y, j - first);
    }

    int first() {
        return first;
    }

    int last() {
        return first + x.length - 1;
    }

    private static double at(double[] v, double j) {
        if (j <= 0) {
            return v[0];
        }
        if (j >= v.length - 1) {
            return v[v.length - 1];
        }
        int i = (int) j;
        double f = j - i;
        return v[i] * (1 - f) + v[i + 1] * f;
    }

    private static void profiles(ThumbnailStore store, int frame, double[] rows, double[] cols) {
        int w = store.width();
        int h = store.height();
        byte[] c = store.chunk(frame);
        int off = store.offset(frame);
        java.util.Arrays.fill(cols, 0);
        for (int v = 0; v < h; v++) {
            int sum = 0;
            int at = off + v * w;
            for (int u = 0; u < w; u++) {
                int p = c[at + u] & 0xff;
                sum += p;
                cols[u] += p;
            }
            rows[v] = (double) sum / w;
        }
        for (int u = 0; u < w; u++) {
            cols[u] /= h;
        }
    }

    private static void differences(double[] p, double[] d) {
        for (int i = 0; i < d.length; i++) {
            d[i] = p[i + 1] - p[i];
        }
    }

    /**
     * How far {@code now} lies along from {@code before} (now[i] ~ before[i - shift]), to a fraction of an
     * entry: the best correlated whole shift within {@link #REACH} of {@code guess}, refined by a
     * parabola through its neighbours' scores.
     */
    static double shift(double[] before, double[] now, double guess) {
        int n = now.length;
        int limit = (int) ((1 - MIN_OVERLAP) * n);
        int reach = Math.max(1, (int) Math.round(REACH * n));
        int lo = Math.max(-limit, (int) Math.round(guess) - reach);
        int hi = Math.min(limit, (int) Math.round(guess) + reach);
        if (lo > hi) {
            return guess;
        }
        double[] score = new double[hi - lo + 1];
        int best = -1;
        for (int d = lo; d <= hi; d++) {
            double s = correlation(before, now, d);
            score[d - lo] = s;
            if (best < 0 || s > score[best]) {
                best = d - lo;
            }
        }
        boolean inside = best > 0 && best < score.length - 1;
        return lo + best + vertex(inside ? score[best - 1] : Double.NaN, score[best],
                inside ? score[best + 1] : Double.NaN);
    }

    /**
     * The profiles' shift refined on the pictures themselves: the best correlated whole shift near it
     * (climbing while the best lies on the edge of those tried), to a fraction by a parabola per axis.
     * The profiles alone miss on small, soft, compressed pictures (a 98x36 crop of a cloudy tilt at
     * crf 28: 30 % short), where a row's mean carries little of its detail.
     */
    private static final class Matcher {
        /** Whole pixels tried either way of the centre. */
        private static final int R = 2;
        /** Pixels compared per shift, at most (the rest skipped evenly). */
        private static final int SAMPLES = 4096;
        private static final int CLIMBS = 4;

        private final int w;
        private final int h;
        private final int stride;
        private final double[] score = new double[(2 * R + 1) * (2 * R + 1)];
        double x;
        double y;

        Matcher(int w, int h) {
            this.w = w;
            this.h = h;
            this.stride = Math.max(1, (int) Math.sqrt((double) w * h / SAMPLES));
        }

        void refine(byte[] key, byte[] now, int off, double sx, double sy) {
            int cx = (int) Math.round(sx);
            int cy = (int) Math.round(sy);
            int best = 0;
            for (int climb = 0; climb <= CLIMBS; climb++) {
                best = -1;
                for (int dy = -R; dy <= R; dy++) {
                    for (int dx = -R; dx <= R; dx++) {
                        int at = (dy + R) * (2 * R + 1) + dx + R;
                        score[at] = zncc(key, now, off, cx + dx, cy + dy);
                        if (best < 0 || score[at] > score[best]) {
                            best = at;
                        }
                    }
                }
                int bx = best % (2 * R + 1) - R;
                int by = best / (2 * R + 1) - R;
                if (Math.abs(bx) < R && Math.abs(by) < R) {
                    break;
                }
                cx += bx;
                cy += by;
            }
            int bx = best % (2 * R + 1);
            int by = best / (2 * R + 1);
            x = cx + bx - R + vertex(bx > 0 && bx < 2 * R ? score[best - 1] : Double.NaN, score[best],
                    bx > 0 && bx < 2 * R ? score[best + 1] : Double.NaN);
            y = cy + by - R + vertex(by > 0 && by < 2 * R ? score[best - (2 * R + 1)] : Double.NaN, score[best],
                    by > 0 && by < 2 * R ? score[best + (2 * R + 1)] : Double.NaN);
        }


        /** Normalised correlation of now(u, v) with key(u - dx, v - dy) over the pixels both have. */
        private double zncc(byte[] key, byte[] now, int off, int dx, int dy) {
            int u0 = Math.max(0, dx);
            int u1 = Math.min(w, w + dx);
            int v0 = Math.max(0, dy);
            int v1 = Math.min(h, h + dy);
            if (u1 - u0 < 2 || v1 - v0 < 2) {
                return -1;
            }
            double sa = 0;
            double sb = 0;
            double ab = 0;
            double aa = 0;
            double bb = 0;
            int m = 0;
            for (int v = v0; v < v1; v += stride) {
                int rowNow = off + v * w;
                int rowKey = (v - dy) * w - dx;
                for (int u = u0; u < u1; u += stride) {
                    double a = now[rowNow + u] & 0xff;
                    double b = key[rowKey + u] & 0xff;
                    sa += a;
                    sb += b;
                    ab += a * b;
                    aa += a * a;
                    bb += b * b;
                    m++;
                }
            }
            double va = aa - sa * sa / m;
            double vb = bb - sb * sb / m;
            return va > 0 && vb > 0 ? (ab - sa * sb / m) / Math.sqrt(va * vb) : -1;
        }
    }

    /** Where the parabola through three neighbouring scores peaks, from the middle; 0 where none does (or a NaN). */
    private static double vertex(double a, double b, double c) {
        double bend = a - 2 * b + c;
        return bend < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / bend)) : 0;
    }

    /** Normalised correlation of now[i] with before[i - d] over the entries both have. */
    private static double correlation(double[] before, double[] now, int d) {
        int from = Math.max(0, d);
        int to = Math.min(now.length, before.length + d);
        int m = to - from;
        if (m < 2) {
            return -1;
        }
        double sa = 0;
        double sb = 0;
        for (int i = from; i < to; i++) {
            sa += now[i];
            sb += before[i - d];
        }
        double ma = sa / m;
        double mb = sb / m;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = from; i < to; i++) {
            double a = now[i] - ma;
            double b = before[i - d] - mb;
            ab += a * b;
            aa += a * a;
            bb += b * b;
        }
        return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : -1;
    }
}
