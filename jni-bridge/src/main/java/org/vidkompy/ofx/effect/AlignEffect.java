package org.vidkompy.ofx.effect;

import com.sun.jna.Pointer;
import org.vidkompy.ofx.abi.Ofx;
import org.vidkompy.ofx.suite.HostSuites;
import org.vidkompy.ofx.suite.PropertySet;

import static org.vidkompy.ofx.effect.AlignParams.*;

/** Describe and DescribeInContext of "Align overlay": what the host shows and wires. */
public final class AlignEffect {
    public static final String LABEL = "Align overlay";
    public static final String GROUPING = "vidkompy";
    public static final String DESCRIPTION = "Finds where the foreground (Source) sits in the Background clip, in space "
            + "and time, and composites it over the matching background frames. Press Align overlay to analyse.";
    public static final String CLIP_BACKGROUND = "Background";

    // Capabilities, each with its reason.
    static final int SUPPORTS_TILES = 1;            // render honours any render window
    static final int SUPPORTS_MULTI_RESOLUTION = 1; // placement is canonical; render scale is applied when drawing
    static final int TEMPORAL_CLIP_ACCESS = 1;      // background frames come from map(t), not t
    static final String RENDER_THREAD_SAFETY = Ofx.RENDER_FULLY_SAFE; // render keeps no mutable state

    private AlignEffect() {
    }

    public static void describe(HostSuites s, Pointer effect) {
        PropertySet p = s.props(s.imageEffect().getPropertySet(effect));
        p.setString(Ofx.PROP_LABEL, LABEL)
                .setStringIfKnown(Ofx.PROP_SHORT_LABEL, LABEL)
                .setStringIfKnown(Ofx.PROP_LONG_LABEL, LABEL)
                .setStringIfKnown(Ofx.PROP_PLUGIN_DESCRIPTION, DESCRIPTION)
                .setString(Ofx.EFFECT_PLUGIN_PROP_GROUPING, GROUPING)
                .setStrings(Ofx.EFFECT_PROP_SUPPORTED_CONTEXTS, Ofx.CONTEXT_GENERAL, Ofx.CONTEXT_FILTER)
                .setStrings(Ofx.EFFECT_PROP_SUPPORTED_PIXEL_DEPTHS, Ofx.BIT_DEPTH_BYTE, Ofx.BIT_DEPTH_SHORT,
                        Ofx.BIT_DEPTH_FLOAT)
                .setInt(Ofx.EFFECT_PROP_TEMPORAL_CLIP_ACCESS, TEMPORAL_CLIP_ACCESS)
                .setInt(Ofx.EFFECT_PROP_SUPPORTS_TILES, SUPPORTS_TILES)
                .setInt(Ofx.EFFECT_PROP_SUPPORTS_MULTI_RESOLUTION, SUPPORTS_MULTI_RESOLUTION)
                .setString(Ofx.EFFECT_PLUGIN_RENDER_THREAD_SAFETY, RENDER_THREAD_SAFETY)
                .setIntIfKnown(Ofx.EFFECT_PLUGIN_PROP_HOST_FRAME_THREADING, 0)
                .setIntIfKnown(Ofx.EFFECT_PROP_SUPPORTS_MULTIPLE_CLIP_DEPTHS, 0)
                .setIntIfKnown(Ofx.EFFECT_PROP_SUPPORTS_MULTIPLE_CLIP_PARS, 0)
                .setIntIfKnown(Ofx.EFFECT_PLUGIN_PROP_SINGLE_INSTANCE, 0);
    }

    public static void describeInContext(HostSuites s, Pointer effect, String context) {
        // Source: the foreground. Background: only in General; Filter hosts give one input, and there
        // the background comes from the Background file parameter (the effect passes the foreground
        // through until one is set).
        PropertySet source = s.props(s.imageEffect().clipDefine(effect, Ofx.CLIP_SOURCE));
        source.setStrings(Ofx.EFFECT_PROP_SUPPORTED_COMPONENTS, Ofx.COMPONENT_RGBA)
                .setInt(Ofx.EFFECT_PROP_TEMPORAL_CLIP_ACCESS, TEMPORAL_CLIP_ACCESS)
                .setInt(Ofx.EFFECT_PROP_SUPPORTS_TILES, SUPPORTS_TILES)
                .setStringIfKnown(Ofx.PROP_LABEL, "Foreground");
        if (Ofx.CONTEXT_GENERAL.equals(context)) {
            PropertySet background = s.props(s.imageEffect().clipDefine(effect, CLIP_BACKGROUND));
            background.setStrings(Ofx.EFFECT_PROP_SUPPORTED_COMPONENTS, Ofx.COMPONENT_RGBA)
                    .setInt(Ofx.CLIP_PROP_OPTIONAL, 1)
                    .setInt(Ofx.EFFECT_PROP_TEMPORAL_CLIP_ACCESS, TEMPORAL_CLIP_ACCESS)
                    .setInt(Ofx.EFFECT_PROP_SUPPORTS_TILES, SUPPORTS_TILES);
        }
        PropertySet output = s.props(s.imageEffect().clipDefine(effect, Ofx.CLIP_OUTPUT));
        output.setStrings(Ofx.EFFECT_PROP_SUPPORTED_COMPONENTS, Ofx.COMPONENT_RGBA)
                .setInt(Ofx.EFFECT_PROP_SUPPORTS_TILES, SUPPORTS_TILES);

        Pointer params = s.imageEffect().getParamSet(effect);

        // backgroundFile: the background for hosts that give one input (Filter context), optional in General
        common(s.props(s.parameter().paramDefine(params, Ofx.PARAM_TYPE_STRING, BG_FILE)), BG_FILE, BG_FILE_LABEL,
                BG_FILE_HINT)
                .setString(Ofx.PARAM_PROP_DEFAULT, "")
                .setInt(Ofx.PARAM_PROP_ANIMATES, 0)
                .setInt(Ofx.PARAM_PROP_EVALUATE_ON_CHANGE, 1)
                .setString(Ofx.PARAM_PROP_STRING_MODE, Ofx.PARAM_STRING_IS_FILE_PATH)
                .setIntIfKnown(Ofx.PARAM_PROP_STRING_FILE_PATH_EXISTS, 1);

        // the Analysis group: options (what vidkompy analyze offers), the button, and what it found
        common(s.props(s.parameter().paramDefine(params, Ofx.PARAM_TYPE_GROUP, ANALYSIS_GROUP)), ANALYSIS_GROUP,
                ANALYSIS_GROUP_LABEL, ANALYSIS_GROUP_HINT);
        integer(s, params, PRECISION, PRECISION_LABEL, PRECISION_HINT, DEFAULT_PRECISION, 0, MAX_PRECISION, 0,
                MAX_PRECISION);
        common(s.props(s.parameter().paramDefine(params, Ofx.PARAM_TYPE_BOOLEAN, UNSCALED)), UNSCALED, UNSCALED_LABEL,
                UNSCALED_HINT)
                .setInt(Ofx.PARAM_PROP_DEFAULT, 1)
                .setInt(Ofx.PARAM_PROP_ANIMATES, 0)
                .setInt(Ofx.PARAM_PROP_EVALUATE_ON_CHANGE, 0)
                .setString(Ofx.PARAM_PROP_PARENT, ANALYSIS_GROUP);
        integer(s, params, WINDOW, WINDOW_LABEL, WINDOW_HINT, 0, 0, 100000, 0, 100);
        integer(s, params, BORDER, BORDER_LABEL, BORDER_HINT, 0, 0, 100000, 0, 200);
        common(s.props(s.parameter().paramDefine(params, Ofx.PARAM_TYPE_PUSH_BUTTON, ANALYZE)), ANALYZE, ANALYZE_LABEL,
                ANALYZE_HINT)
                .setString(Ofx.PARAM_PROP_PARENT, ANALYSIS_GROUP);
        // read-only text; persistent so a reopened project still shows it (hosts that drop label
        // strings on save just show it empty until the next Analyze)
        common(s.props(s.parameter().paramDefine(params, Ofx.PARAM_TYPE_STRING, SUMMARY)), SUMMARY, SUMMARY_LABEL,
                SUMMARY_HINT)
                .setString(Ofx.PARAM_PROP_DEFAULT, "")
                .setInt(Ofx.PARAM_PROP_ANIMATES, 0)
                .setInt(Ofx.PARAM_PROP_EVALUATE_ON_CHANGE, 0)
                .setIntIfKnown(Ofx.PARAM_PROP_ENABLED, 0)
                .setString(Ofx.PARAM_PROP_STRING_MODE, Ofx.PARAM_STRING_IS_LABEL)
                .setString(Ofx.PARAM_PROP_PARENT, ANALYSIS_GROUP);

        // offsetX
        number(s, params, OFFSET_X, OFFSET_X_LABEL, OFFSET_X_HINT, DEFAULT_OFFSET, -1e6, 1e6, -2000, 2000, 1, 2);

        // offsetY
        number(s, params, OFFSET_Y, OFFSET_Y_LABEL, OFFSET_Y_HINT, DEFAULT_OFFSET, -1e6, 1e6, -2000, 2000, 1, 2);

        // scale
        number(s, params, SCALE, SCALE_LABEL, SCALE_HINT, DEFAULT_SCALE, 0.001, 1000, 0.1, 4, 0.01, 4);

        // bgTimeOffset
        number(s, params, BG_TIME_OFFSET, BG_TIME_OFFSET_LABEL, BG_TIME_OFFSET_HINT, DEFAULT_BG_TIME_OFFSET, -1e6, 1e6,
                -100, 100, 1, 2);

        // featherMargin
        number(s, params, FEATHER, FEATHER_LABEL, FEATHER_HINT, DEFAULT_FEATHER, 0, 1e4, 0, 100, 1, 1);

        // reset
        button(s, params, RESET, RESET_LABEL, RESET_HINT);

        // alignmentData: the authoritative store. Secret (users edit the controls above), saved with the
        // project, multi-line (label strings are not saved by every host), re-renders when changed.
        PropertySet data = s.props(s.parameter().paramDefine(params, Ofx.PARAM_TYPE_STRING, ALIGNMENT_DATA));
        common(data, ALIGNMENT_DATA, ALIGNMENT_DATA_LABEL, ALIGNMENT_DATA_HINT)
                .setString(Ofx.PARAM_PROP_DEFAULT, "")
                .setInt(Ofx.PARAM_PROP_SECRET, 1)
                .setInt(Ofx.PARAM_PROP_ANIMATES, 0)
                .setInt(Ofx.PARAM_PROP_PERSISTANT, 1)
                .setInt(Ofx.PARAM_PROP_EVALUATE_ON_CHANGE, 1)
                .setString(Ofx.PARAM_PROP_STRING_MODE, Ofx.PARAM_STRING_IS_MULTI_LINE);
    }

    private static PropertySet common(PropertySet p, String name, String label, String hint) {
        return p.setString(Ofx.PROP_LABEL, label)
                .setString(Ofx.PARAM_PROP_HINT, hint)
                .setStringIfKnown(Ofx.PARAM_PROP_SCRIPT_NAME, name);
    }

    private static void button(HostSuites s, Pointer params, String name, String label, String hint) {
        common(s.props(s.parameter().paramDefine(params, Ofx.PARAM_TYPE_PUSH_BUTTON, name)), name, label, hint);
    }

    // Integer params need the range and the display range as well (Resolve).
    private static void integer(HostSuites s, Pointer params, String name, String label, String hint, int def,
            int min, int max, int displayMin, int displayMax) {
        common(s.props(s.parameter().paramDefine(params, Ofx.PARAM_TYPE_INTEGER, name)), name, label, hint)
                .setInt(Ofx.PARAM_PROP_DEFAULT, def)
                .setInt(Ofx.PARAM_PROP_MIN, min)
                .setInt(Ofx.PARAM_PROP_MAX, max)
                .setInt(Ofx.PARAM_PROP_DISPLAY_MIN, displayMin)
                .setInt(Ofx.PARAM_PROP_DISPLAY_MAX, displayMax)
                .setInt(Ofx.PARAM_PROP_ANIMATES, 0)
                .setInt(Ofx.PARAM_PROP_EVALUATE_ON_CHANGE, 0)
                .setString(Ofx.PARAM_PROP_PARENT, ANALYSIS_GROUP);
    }

    // Resolve clamps Double params to (-1, 1) unless both the range and the display range are set.
    private static void number(HostSuites s, Pointer params, String name, String label, String hint, double def,
            double min, double max, double displayMin, double displayMax, double increment, int digits) {
        common(s.props(s.parameter().paramDefine(params, Ofx.PARAM_TYPE_DOUBLE, name)), name, label, hint)
                .setDouble(Ofx.PARAM_PROP_DEFAULT, def)
                .setDouble(Ofx.PARAM_PROP_MIN, min)
                .setDouble(Ofx.PARAM_PROP_MAX, max)
                .setDouble(Ofx.PARAM_PROP_DISPLAY_MIN, displayMin)
                .setDouble(Ofx.PARAM_PROP_DISPLAY_MAX, displayMax)
                .setDouble(Ofx.PARAM_PROP_INCREMENT, increment)
                .setInt(Ofx.PARAM_PROP_DIGITS, digits)
                .setInt(Ofx.PARAM_PROP_ANIMATES, 1)
                .setInt(Ofx.PARAM_PROP_EVALUATE_ON_CHANGE, 1);
    }
}
