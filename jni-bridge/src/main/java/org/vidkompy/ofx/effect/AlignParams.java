package org.vidkompy.ofx.effect;

/**
 * Parameter script names, labels and hints of "Align overlay". Script names are saved in projects:
 * never rename one (bump the plugin's major version if a meaning changes).
 *
 * <p>Placement follows the vidkompy CLI: {@code offsetX}/{@code offsetY} are the position of the
 * foreground's top-left corner inside the background, in background pixels, y pointing down;
 * {@code scale} multiplies the foreground's size.
 */
public final class AlignParams {
    private AlignParams() {
    }

    public static final String ANALYZE = "analyze";
    public static final String ANALYZE_LABEL = "Align overlay";
    public static final String ANALYZE_HINT =
            "Find where the foreground (Source) sits in the Background, in space and time, and store the result.";

    public static final String RESET = "reset";
    public static final String RESET_LABEL = "Reset";
    public static final String RESET_HINT = "Forget the stored alignment and put every placement control back to its default.";

    public static final String OFFSET_X = "offsetX";
    public static final String OFFSET_X_LABEL = "X offset";
    public static final String OFFSET_X_HINT = "Horizontal position of the foreground's left edge in the background, in pixels.";

    public static final String OFFSET_Y = "offsetY";
    public static final String OFFSET_Y_LABEL = "Y offset";
    public static final String OFFSET_Y_HINT = "Vertical position of the foreground's top edge in the background, in pixels (down is positive).";

    public static final String SCALE = "scale";
    public static final String SCALE_LABEL = "Scale";
    public static final String SCALE_HINT = "Size of the foreground relative to its own resolution.";

    public static final String BG_TIME_OFFSET = "bgTimeOffset";
    public static final String BG_TIME_OFFSET_LABEL = "Background time offset";
    public static final String BG_TIME_OFFSET_HINT =
            "Frames added to the background time found by the alignment (positive shows later background frames).";

    public static final String FEATHER = "featherMargin";
    public static final String FEATHER_LABEL = "Feather margin";
    public static final String FEATHER_HINT = "Width, in background pixels, of the soft edge blending the foreground into the background (as vidkompy render --margin).";

    public static final String ALIGNMENT_DATA = "alignmentData";
    public static final String ALIGNMENT_DATA_LABEL = "Alignment data";
    public static final String ALIGNMENT_DATA_HINT = "The stored analysis result (vidkompy-align format). Written by Analyze.";

    public static final double DEFAULT_OFFSET = 0;
    public static final double DEFAULT_SCALE = 1;
    public static final double DEFAULT_BG_TIME_OFFSET = 0;
    public static final double DEFAULT_FEATHER = 0;
}
