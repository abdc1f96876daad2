package org.vidkompy.ofx.effect;

import com.sun.jna.Pointer;
import org.vidkompy.ofx.abi.Ofx;
import org.vidkompy.ofx.abi.OfxStatus;
import org.vidkompy.ofx.engine.OverlayRenderer;
import org.vidkompy.ofx.image.RectI;
import org.vidkompy.ofx.suite.HostSuites;
import org.vidkompy.ofx.suite.ParameterSuite;
import org.vidkompy.ofx.suite.PropertySet;
import org.vidkompy.spatial.NoMatchException;

import java.util.Optional;

import static org.vidkompy.ofx.effect.AlignParams.*;

/**
 * One instance of the effect. Everything render needs comes from parameter values (hosts may render
 * with ephemeral or cloned instances), so the only state kept here is host handles, a parse cache
 * of the alignment string and the renderer's cache of compositors. Render never sets parameters;
 * Analyze and Reset do, each in one edit block, and only for user edits.
 */
public final class AlignInstance implements AutoCloseable {
    /** Debug hook for tests: "render" fails every render, "render@T" only the render at time T. */
    public static final String DEBUG_THROW_ENV = "VIDKOMPY_OFX_DEBUG_THROW";

    private final HostSuites s;
    private final Pointer effect;
    private final String context;
    private final Pointer sourceClip;
    private final Pointer backgroundClip; // null in the Filter context
    private final Pointer outputClip;
    private final Pointer paramSet;
    private final Pointer offsetX, offsetY, scale, bgTimeOffset, feather, alignmentData;
    private final OfxAnalyzer analyzer;
    private final OverlayRenderer renderer = new OverlayRenderer();
    private final String debugThrow;
    private volatile Parsed parsed = new Parsed("", null);

    private record Parsed(String text, AlignmentRecord record) {
    }

    public AlignInstance(HostSuites s, Pointer effect, OfxAnalyzer analyzer, String debugThrow) {
        this.s = s;
        this.effect = effect;
        this.analyzer = analyzer;
        this.debugThrow = debugThrow;
        PropertySet props = s.props(s.imageEffect().getPropertySet(effect));
        this.context = props.getString(Ofx.EFFECT_PROP_CONTEXT);
        this.sourceClip = s.imageEffect().clipGetHandle(effect, Ofx.CLIP_SOURCE, null);
        this.backgroundClip = Ofx.CONTEXT_GENERAL.equals(context)
                ? s.imageEffect().clipGetHandle(effect, AlignEffect.CLIP_BACKGROUND, null) : null;
        this.outputClip = s.imageEffect().clipGetHandle(effect, Ofx.CLIP_OUTPUT, null);
        this.paramSet = s.imageEffect().getParamSet(effect);
        ParameterSuite ps = s.parameter();
        this.offsetX = ps.paramGetHandle(paramSet, OFFSET_X);
        this.offsetY = ps.paramGetHandle(paramSet, OFFSET_Y);
        this.scale = ps.paramGetHandle(paramSet, SCALE);
        this.bgTimeOffset = ps.paramGetHandle(paramSet, BG_TIME_OFFSET);
        this.feather = ps.paramGetHandle(paramSet, FEATHER);
        this.alignmentData = ps.paramGetHandle(paramSet, ALIGNMENT_DATA);
    }

    public int action(String action, Pointer inArgs, Pointer outArgs) {
        return switch (action) {
            case Ofx.ACTION_GET_REGION_OF_DEFINITION -> regionOfDefinition(s.props(inArgs), s.props(outArgs));
            case Ofx.ACTION_GET_FRAMES_NEEDED -> framesNeeded(s.props(inArgs), s.props(outArgs));
            case Ofx.ACTION_GET_TIME_DOMAIN -> timeDomain(s.props(outArgs));
            case Ofx.ACTION_IS_IDENTITY -> isIdentity(s.props(inArgs), s.props(outArgs));
            case Ofx.ACTION_RENDER -> render(s.props(inArgs));
            case Ofx.ACTION_INSTANCE_CHANGED -> instanceChanged(s.props(inArgs));
            case Ofx.ACTION_PURGE_CACHES -> {
                parsed = new Parsed("", null);
                yield OfxStatus.OK;
            }
            case Ofx.ACTION_SYNC_PRIVATE_DATA -> OfxStatus.OK; // nothing private: params are the store
            default -> OfxStatus.REPLY_DEFAULT;
        };
    }

    // ------------------------------------------------------------------ time and placement

    boolean backgroundConnected() {
        return backgroundClip != null
                && s.props(s.imageEffect().clipGetPropertySet(backgroundClip)).getIntOr(Ofx.CLIP_PROP_CONNECTED, 0) == 1;
    }

    /** The stored alignment, or null when there is none (or it cannot be read). */
    AlignmentRecord record() {
        String text = s.parameter().getString(alignmentData);
        Parsed p = parsed;
        if (!p.text().equals(text)) {
            AlignmentRecord record = null;
            if (!text.isBlank()) {
                try {
                    record = AlignmentRecord.parse(text);
                } catch (IllegalArgumentException e) {
                    System.err.println("vidkompy-ofx: ignoring alignment data: " + e.getMessage());
                }
            }
            p = new Parsed(text, record);
            parsed = p;
        }
        return p.record();
    }

    /** map(t): the background time shown under foreground time t. */
    double bgTime(double t) {
        AlignmentRecord r = record();
        double mapped = r == null ? t : r.bgTime(t);
        return mapped + s.parameter().getDoubleAtTime(bgTimeOffset, t);
    }

    private boolean hasAlignment(double t) {
        ParameterSuite ps = s.parameter();
        return record() != null
                || ps.getDoubleAtTime(offsetX, t) != DEFAULT_OFFSET
                || ps.getDoubleAtTime(offsetY, t) != DEFAULT_OFFSET
                || ps.getDoubleAtTime(scale, t) != DEFAULT_SCALE
                || ps.getDoubleAtTime(bgTimeOffset, t) != DEFAULT_BG_TIME_OFFSET;
    }

    private double[] clipRange(Pointer clip) {
        return s.props(s.imageEffect().clipGetPropertySet(clip)).getDoubles(Ofx.EFFECT_PROP_FRAME_RANGE, 2);
    }

    // ------------------------------------------------------------------ actions

    private int regionOfDefinition(PropertySet in, PropertySet out) {
        double t = in.getDouble(Ofx.PROP_TIME, 0);
        double[] rod = backgroundConnected()
                ? s.imageEffect().clipGetRegionOfDefinition(backgroundClip, bgTime(t))
                : s.imageEffect().clipGetRegionOfDefinition(sourceClip, t);
        out.setDoubles(Ofx.EFFECT_PROP_REGION_OF_DEFINITION, rod);
        return OfxStatus.OK;
    }

    private int framesNeeded(PropertySet in, PropertySet out) {
        double t = in.getDouble(Ofx.PROP_TIME, 0);
        out.setDoubles(Ofx.CLIP_PROP_FRAME_RANGE_PREFIX + Ofx.CLIP_SOURCE, t, t);
        if (backgroundConnected()) {
            double b = bgTime(t);
            out.setDoubles(Ofx.CLIP_PROP_FRAME_RANGE_PREFIX + AlignEffect.CLIP_BACKGROUND, b, b);
        }
        return OfxStatus.OK;
    }

    private int timeDomain(PropertySet out) {
        if (!Ofx.CONTEXT_GENERAL.equals(context)) {
            return OfxStatus.REPLY_DEFAULT;
        }
        out.setDoubles(Ofx.EFFECT_PROP_FRAME_RANGE, clipRange(sourceClip));
        return OfxStatus.OK;
    }

    private int isIdentity(PropertySet in, PropertySet out) {
        double t = in.getDouble(Ofx.PROP_TIME, 0);
        if (backgroundConnected() && hasAlignment(t)) {
            return OfxStatus.REPLY_DEFAULT;
        }
        out.setString(Ofx.PROP_NAME, Ofx.CLIP_SOURCE);
        out.setDouble(Ofx.PROP_TIME, t);
        return OfxStatus.OK;
    }

    private int render(PropertySet in) {
        double t = in.getDouble(Ofx.PROP_TIME, 0);
        RectI window = RectI.of(in.getInts(Ofx.EFFECT_PROP_RENDER_WINDOW, 4));
        double[] renderScale = in.getDoubles(Ofx.EFFECT_PROP_RENDER_SCALE, 2);
        if (debugThrow != null && (debugThrow.equals("render") || debugThrow.equals("render@" + fmt(t)))) {
            throw new IllegalStateException("forced render failure at time " + fmt(t) + " (" + DEBUG_THROW_ENV + ")");
        }
        try (HostImage out = HostImage.fetch(s, outputClip, Ofx.CLIP_OUTPUT, t);
             HostImage fg = HostImage.fetch(s, sourceClip, Ofx.CLIP_SOURCE, t)) {
            if (!backgroundConnected()) {
                OverlayRenderer.copy(fg.image(), out.image(), window);
                return OfxStatus.OK;
            }
            double b = bgTime(t);
            ParameterSuite ps = s.parameter();
            Placement placement = new Placement(ps.getDoubleAtTime(offsetX, t), ps.getDoubleAtTime(offsetY, t),
                    ps.getDoubleAtTime(scale, t), ps.getDoubleAtTime(feather, t),
                    s.imageEffect().clipGetRegionOfDefinition(sourceClip, t),
                    s.imageEffect().clipGetRegionOfDefinition(backgroundClip, b));
            try (HostImage bg = HostImage.fetchOrNull(s, backgroundClip, b)) {
                // no background frame at map(t): the foreground goes over transparency
                renderer.render(fg.image(), bg != null ? bg.image() : null, out.image(), window, placement, renderScale);
            }
        }
        return OfxStatus.OK;
    }

    private int instanceChanged(PropertySet in) {
        // Only the user's own edits act: the host re-enters here for every value the plugin sets.
        if (!Ofx.TYPE_PARAMETER.equals(in.getString(Ofx.PROP_TYPE))
                || !Ofx.CHANGE_USER_EDITED.equals(in.getString(Ofx.PROP_CHANGE_REASON))) {
            return OfxStatus.REPLY_DEFAULT;
        }
        String name = in.getString(Ofx.PROP_NAME);
        if (ANALYZE.equals(name)) {
            analyze();
            return OfxStatus.OK;
        }
        if (RESET.equals(name)) {
            write("", DEFAULT_OFFSET, DEFAULT_OFFSET, DEFAULT_SCALE, DEFAULT_FEATHER, RESET_LABEL);
            return OfxStatus.OK;
        }
        return OfxStatus.REPLY_DEFAULT;
    }

    // ------------------------------------------------------------------ analyze

    private void analyze() {
        if (!backgroundConnected()) {
            message(Ofx.MESSAGE_ERROR, "Connect a Background clip before running Align overlay.");
            return;
        }
        boolean started = s.progress() != null && s.progress().start(effect, "Aligning overlay", "vidkompy.analyze") == OfxStatus.OK;
        Optional<AlignmentRecord> result;
        try {
            result = analyzer.analyze(new Session());
        } catch (NoMatchException e) {
            // the footage, not the plugin: tell the user, keep what is stored
            message(Ofx.MESSAGE_ERROR, "Align overlay could not find the foreground in the background: "
                    + e.getMessage() + ". The stored alignment is unchanged.");
            return;
        } finally {
            if (started) {
                s.progress().end(effect);
            }
        }
        if (result.isEmpty()) {
            message(Ofx.MESSAGE_LOG, "Align overlay cancelled; the stored alignment is unchanged.");
            return;
        }
        // the controls get exactly the values the stored text holds (six decimals)
        AlignmentRecord r = AlignmentRecord.parse(result.get().format());
        write(r.format(), r.x(), r.y(), r.scale(), s.parameter().getDoubleAtTime(feather, 0), ANALYZE_LABEL);
    }

    /** All result parameters in one edit block (one undo step); keys are replaced by plain values. */
    private void write(String data, double x, double y, double sc, double featherValue, String undoName) {
        ParameterSuite ps = s.parameter();
        ps.editBegin(paramSet, undoName);
        try {
            ps.setString(alignmentData, data);
            setPlain(offsetX, x);
            setPlain(offsetY, y);
            setPlain(scale, sc);
            setPlain(bgTimeOffset, DEFAULT_BG_TIME_OFFSET);
            setPlain(feather, featherValue);
        } finally {
            ps.editEnd(paramSet);
        }
    }

    private void setPlain(Pointer param, double value) {
        ParameterSuite ps = s.parameter();
        if (ps.getNumKeys(param) > 0) {
            ps.deleteAllKeys(param);
        }
        ps.setDouble(param, value);
    }

    private void message(String type, String text) {
        if (s.message() != null) {
            s.message().message(effect, type, "org.vidkompy.AlignOverlay", text);
        }
    }

    private static String fmt(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
    }

    /** Releases the cached compositors. */
    @Override
    public void close() {
        renderer.close();
    }

    private AnalysisSession.Clip clip(Pointer clip, String name) {
        PropertySet props = s.props(s.imageEffect().clipGetPropertySet(clip));
        double[] range = props.getDoubles(Ofx.EFFECT_PROP_FRAME_RANGE, 2);
        double fps = props.getDoubleOr(Ofx.EFFECT_PROP_FRAME_RATE,
                s.props(s.imageEffect().getPropertySet(effect)).getDoubleOr(Ofx.EFFECT_PROP_FRAME_RATE, 25));
        double[] rod = s.imageEffect().clipGetRegionOfDefinition(clip, range[0]);
        int frames = (int) Math.floor(range[1] - range[0] + 1e-6) + 1;
        return new AnalysisSession.Clip(name, range[0], Math.max(0, frames), fps,
                (int) Math.round(rod[2] - rod[0]), (int) Math.round(rod[3] - rod[1]));
    }

    private final class Session implements AnalysisSession {
        private final Clip foreground = clip(sourceClip, Ofx.CLIP_SOURCE);
        private final Clip background = clip(backgroundClip, AlignEffect.CLIP_BACKGROUND);

        @Override
        public Clip foregroundClip() {
            return foreground;
        }

        @Override
        public Clip backgroundClip() {
            return background;
        }

        @Override
        public Frame foreground(double time) {
            return HostImage.fetch(s, sourceClip, Ofx.CLIP_SOURCE, time);
        }

        @Override
        public Frame background(double time) {
            return HostImage.fetch(s, backgroundClip, AlignEffect.CLIP_BACKGROUND, time);
        }

        @Override
        public boolean progress(double fraction) {
            return s.progress() == null || s.progress().update(effect, fraction);
        }
    }
}
