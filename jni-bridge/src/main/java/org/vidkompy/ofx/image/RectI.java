package org.vidkompy.ofx.image;

/** Integer pixel rectangle, half-open like {@code OfxRectI}: x1 <= x < x2, y1 <= y < y2. */
public record RectI(int x1, int y1, int x2, int y2) {
    public int width() {
        return Math.max(0, x2 - x1);
    }

    public int height() {
        return Math.max(0, y2 - y1);
    }

    public boolean isEmpty() {
        return x2 <= x1 || y2 <= y1;
    }

    public RectI intersect(RectI o) {
        return new RectI(Math.max(x1, o.x1), Math.max(y1, o.y1), Math.min(x2, o.x2), Math.min(y2, o.y2));
    }

    public static RectI of(int[] xyxy) {
        return new RectI(xyxy[0], xyxy[1], xyxy[2], xyxy[3]);
    }
}
