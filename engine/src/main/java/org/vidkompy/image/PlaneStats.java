package org.vidkompy.image;

/** Mean and standard deviation of a plane's values (population statistics). */
public record PlaneStats(double mean, double std) {

    public static PlaneStats of(Plane p) {
        return of(p, PixelRect.full(p.width(), p.height()));
    }

    public static PlaneStats of(Plane p, PixelRect box) {
        double sum = 0;
        double sumSq = 0;
        float[] d = p.data();
        for (int r = box.y(); r < box.y() + box.height(); r++) {
            int row = r * p.width();
            for (int c = box.x(); c < box.x() + box.width(); c++) {
                double v = d[row + c];
                sum += v;
                sumSq += v * v;
            }
        }
        double n = (double) box.width() * box.height();
        double mean = sum / n;
        return new PlaneStats(mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean)));
    }
}
