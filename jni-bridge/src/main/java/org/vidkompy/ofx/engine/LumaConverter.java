package org.vidkompy.ofx.engine;

import org.vidkompy.image.LumaImage;
import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.RectI;

/**
 * A host RGBA image (any depth, rows bottom-up, any row bytes) as an 8-bit luma picture of a given
 * size, top row first. An image of that size is converted pixel for pixel; one of another size (a
 * host that hands out proxies) is sampled at the nearest pixel, so the analysis always sees the
 * clip at its canonical size.
 */
public final class LumaConverter {
    private LumaConverter() {
    }

    public static LumaImage toLuma(ImageView image, int width, int height, LumaWeights weights) {
        byte[] out = new byte[width * height];
        RectI b = image.bounds();
        if (b.isEmpty()) {
            return new LumaImage(width, height, out);
        }
        boolean same = b.width() == width && b.height() == height;
        int[] column = new int[width];
        for (int x = 0; x < width; x++) {
            column[x] = b.x1() + (same ? x : (int) ((x + 0.5) * b.width() / width));
        }
        for (int row = 0; row < height; row++) {
            int y = b.y2() - 1 - (same ? row : (int) ((row + 0.5) * b.height() / height));
            int at = row * width;
            for (int x = 0; x < width; x++) {
                int ix = column[x];
                out[at + x] = (byte) weights.luma(image.get8(ix, y, 0), image.get8(ix, y, 1), image.get8(ix, y, 2));
            }
        }
        return new LumaImage(width, height, out);
    }
}
