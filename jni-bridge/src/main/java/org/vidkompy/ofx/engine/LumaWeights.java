package org.vidkompy.ofx.engine;

/**
 * How host RGB becomes the luma the analysis compares. Files are analysed on their decoded Y plane
 * (limited range stretched to full), and an RGB picture decoded from Y'CbCr gives that Y back as
 * {@code kr*R + kg*G + kb*B} with the matrix it was decoded with. The host does not say which
 * matrix that was, so the convention FFmpeg's reader uses for untagged streams decides: BT.709 for
 * pictures 720 rows high or more, BT.601 below.
 */
public enum LumaWeights {
    BT601(0.299f, 0.587f, 0.114f),
    BT709(0.2126f, 0.7152f, 0.0722f);

    /** The height from which pictures count as HD. */
    public static final int HD_HEIGHT = 720;

    private final float kr;
    private final float kg;
    private final float kb;

    LumaWeights(float kr, float kg, float kb) {
        this.kr = kr;
        this.kg = kg;
        this.kb = kb;
    }

    public static LumaWeights forHeight(int height) {
        return height >= HD_HEIGHT ? BT709 : BT601;
    }

    /** Luma of 8-bit R, G, B, rounded to 0..255. */
    public int luma(int r, int g, int b) {
        int y = (int) (kr * r + kg * g + kb * b + 0.5f);
        return y < 0 ? 0 : Math.min(255, y);
    }
}
