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

    public static final String BG_FILE = "backgroundFile";
    public static final String BG_FILE_LABEL = "Background file";
    public static final String BG_FILE_HINT = "A background video read by the effect itself, for hosts that give it one input "
            + "(timeline hosts). When set it is used instead of the Background clip.";

    public static final String ANALYSIS_GROUP = "analysisGroup";
    public static final String ANALYSIS_GROUP_LABEL = "Analysis";
    public static final String ANALYSIS_GROUP_HINT = "How Align overlay searches, and what it found.";

    public static final String PRECISION = "alignPrecision";
    public static final String PRECISION_LABEL = "Precision";
    public static final String PRECISION_HINT = "Spatial search effort: 0 fastest .. 4 most thorough (as vidkompy analyze -p).";

    public static final String UNSCALED = "preferUnscaled";
    public static final String UNSCALED_LABEL = "Prefer unscaled";
    public static final String UNSCALED_HINT = "Keep scale 1 unless another scale is clearly better (as vidkompy analyze --unscaled).";

    public static final String WINDOW = "temporalWindow";
    public static final String WINDOW_LABEL = "Temporal window";
    public static final String WINDOW_HINT = "Half-width in background frames of the temporal search band (0 = automatic; as vidkompy analyze -w).";

    public static final String BORDER = "borderWidth";
    public static final String BORDER_LABEL = "Border mode width";
    public static final String BORDER_HINT = "Compare only a band this many foreground pixels wide inside its edges (0 = whole picture; as vidkompy analyze --border).";

    public static final String SUMMARY = "analysisSummary";
    public static final String SUMMARY_LABEL = "Result";
    public static final String SUMMARY_HINT = "What the last Align overlay found: confidence, matched foreground frames, unmatched ranges.";

    public static final int DEFAULT_PRECISION = 2;
    public static final int MAX_PRECISION = 4;

    public static final double DEFAULT_OFFSET = 0;
    public static final double DEFAULT_SCALE = 1;
    public static final double DEFAULT_BG_TIME_OFFSET = 0;
    public static final double DEFAULT_FEATHER = 0;
}
