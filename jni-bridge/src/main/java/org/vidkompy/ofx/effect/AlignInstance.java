package org.vidkompy.ofx.effect;

import com.sun.jna.Pointer;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.MediaClip;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Placement;
import org.vidkompy.ofx.abi.Ofx;
import org.vidkompy.ofx.abi.OfxException;
import org.vidkompy.ofx.abi.OfxStatus;
import org.vidkompy.ofx.image.Grid;
import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.RectI;
import org.vidkompy.ofx.suite.HostSuites;
import org.vidkompy.ofx.suite.ParameterSuite;
import org.vidkompy.ofx.suite.PropertySet;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.spatial.SpatialOptions;

import java.util.Optional;

import static org.vidkompy.ofx.effect.AlignParams.*;

/**
 * One instance of the effect. Everything render needs comes from parameter values (hosts may render
 * with ephemeral or cloned instances), so the only state kept here is host handles, a parse cache
 * of the stored alignment ({@link StoredAlignment}, parsed once per string) and the renderer with
 * its cache of compositors. Render never sets parameters;
 * Analyze and Reset do, each in one edit block, and only for user edits.
 *
 * <p>The background is, in this order: the Background file parameter when it is set (the engine
 * reads it; a file that cannot be read means no background), else the Background clip when it is
 * connected (General context), else none. With a background, region of definition, identity and
 * render always agree: the output is the background's frame with the foreground drawn over it at
 * the current placement (before Analyze: x=0, y=0, scale 1, the background frame at the same time),
 * never an identity. Without one the effect is an identity on Source and its region is Source's.
 */
public final class AlignInstance implements AutoCloseable {
    /** Debug hook for tests: "render" fails every render, "render@T" only the render at time T. */
    public static final String DEBUG_THROW_ENV = "VIDKOMPY_OFX_DEBUG_THROW";

    /**
     * Extra fg pixels around what the render window needs, beyond the resampling kernel's radius
     * (2 fg pixels, stretched by 1/scale when the fg is shrunk): rounding of the window's edges.
     */
    static final double ROI_MARGIN = 2;

    private final HostSuites s;
    private final Pointer effect;
    private final String context;
    private final Pointer sourceClip;
    private final Pointer backgroundClip; // null in the Filter context
    private final Pointer outputClip;
    private final Pointer paramSet;
    private final Pointer offsetX, offsetY, scale, bgTimeOffset, feather, alignmentData;
    private final Pointer bgFile, precision, unscaled, window, border, summary;
    private final OfxAnalyzer analyzer;
    private final OfxRenderer renderer;
    private final BackgroundVideos files;
    private final String debugThrow;
    private volatile Parsed parsed = new Parsed("", null);
    private volatile String reportedProblem = "";

    /** A stored string and what it says (null: nothing usable). */
    private record Parsed(String text, StoredAlignment record) {
    }

    /** Where the background comes from now: a file, the Background clip, or nowhere (problem: why not the file). */
    record Background(BackgroundVideos.Video file, boolean clip, String problem) {
        boolean present() {
            return file != null || clip;
        }
    }

    public AlignInstance(HostSuites s, Pointer effect, OfxAnalyzer analyzer, OfxRenderer renderer,
            BackgroundVideos files, String debugThrow) {
        this.s = s;
        this.effect = effect;
        this.analyzer = analyzer;
        this.renderer = renderer;
        this.files = files;
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
        this.bgFile = ps.paramGetHandle(paramSet, BG_FILE);
        this.precision = ps.paramGetHandle(paramSet, PRECISION);
        this.unscaled = ps.paramGetHandle(paramSet, UNSCALED);
        this.window = ps.paramGetHandle(paramSet, WINDOW);
        this.border = ps.paramGetHandle(paramSet, BORDER);
        this.summary = ps.paramGetHandle(paramSet, SUMMARY);
    }

    public int action(String action, Pointer inArgs, Pointer outArgs) {
        return switch (action) {
            case Ofx.ACTION_GET_REGION_OF_DEFINITION -> regionOfDefinition(s.props(inArgs), s.props(outArgs));
            case Ofx.ACTION_GET_REGIONS_OF_INTEREST -> regionsOfInterest(s.props(inArgs), s.props(outArgs));
            case Ofx.ACTION_GET_FRAMES_NEEDED -> framesNeeded(s.props(inArgs), s.props(outArgs));
            case Ofx.ACTION_GET_TIME_DOMAIN -> timeDomain(s.props(outArgs));
            case Ofx.ACTION_IS_IDENTITY -> isIdentity(s.props(inArgs), s.props(outArgs));
            case Ofx.ACTION_RENDER -> render(s.props(inArgs));
            case Ofx.ACTION_INSTANCE_CHANGED -> instanceChanged(s.props(inArgs));
            case Ofx.ACTION_PURGE_CACHES -> {
                parsed = new Parsed("", null);
                files.release();
                yield OfxStatus.OK;
            }
            case Ofx.ACTION_SYNC_PRIVATE_DATA -> OfxStatus.OK; // nothing private: params are the store
            default -> OfxStatus.REPLY_DEFAULT;
        };
    }

    // ------------------------------------------------------------------ background, time and placement

    boolean backgroundConnected() {
        return backgroundClip != null
                && s.props(s.imageEffect().clipGetPropertySet(backgroundClip)).getIntOr(Ofx.CLIP_PROP_CONNECTED, 0) == 1;
    }

    String backgroundPath() {
        return s.parameter().getString(bgFile).strip();
    }

    Background background() {
        String path = backgroundPath();
        if (!path.isEmpty()) {
            try {
                return new Background(files.open(path), false, null);
            } catch (MediaException e) {
                return new Background(null, false, e.getMessage());
            }
        }
        return new Background(null, backgroundConnected(), null);
    }

    /** The stored alignment, or null when there is none (or it cannot be read). */
    StoredAlignment record() {
        String text = s.parameter().getString(alignmentData);
        Parsed p = parsed;
        return p.text().equals(text) ? p.record() : parse(text).record();
    }

    /** Parses a stored string once: the result is kept until the string changes. */
    private Parsed parse(String text) {
        StoredAlignment record = null;
        if (!text.isBlank()) {
            try {
                record = StoredAlignment.parse(text);
            } catch (IllegalArgumentException e) {
                System.err.println("vidkompy-ofx: ignoring alignment data: " + e.getMessage());
            }
        }
        Parsed p = new Parsed(text, record);
        parsed = p;
        return p;
    }

    /** map(t): the background time (clip time, or file frame index) shown under foreground time t. */
    double bgTime(double t) {
        StoredAlignment r = record();
        double mapped = r == null ? t : r.bgTime(t);
        return mapped + s.parameter().getDoubleAtTime(bgTimeOffset, t);
    }

    private double[] clipRange(Pointer clip) {
        return s.props(s.imageEffect().clipGetPropertySet(clip)).getDoubles(Ofx.EFFECT_PROP_FRAME_RANGE, 2);
    }

    private static double[] fileRegion(BackgroundVideos.Video f) {
        return new double[] {0, 0, f.width(), f.height()};
    }

    /** What the controls say at time t, over background time b. */
    private Overlay overlay(double t, Background bg, double b) {
        ParameterSuite ps = s.parameter();
        return new Overlay(Overlay.controls(ps.getDoubleAtTime(offsetX, t), ps.getDoubleAtTime(offsetY, t),
                ps.getDoubleAtTime(scale, t)), ps.getDoubleAtTime(feather, t),
                s.imageEffect().clipGetRegionOfDefinition(sourceClip, t),
                bg.file() != null ? fileRegion(bg.file()) : s.imageEffect().clipGetRegionOfDefinition(backgroundClip, b));
    }

    /** A file that cannot be used is said once per problem on stderr (render must not flood the host). */
    private void noteProblem(Background bg) {
        if (bg.problem() != null && !bg.problem().equals(reportedProblem)) {
            reportedProblem = bg.problem();
            System.err.println("vidkompy-ofx: background file ignored: " + bg.problem());
        }
    }

    // ------------------------------------------------------------------ actions

    private int regionOfDefinition(PropertySet in, PropertySet out) {
        double t = in.getDouble(Ofx.PROP_TIME, 0);
        Background bg = background();
        noteProblem(bg);
        double[] rod;
        if (bg.file() != null) {
            rod = fileRegion(bg.file());
        } else if (bg.clip()) {
            rod = s.imageEffect().clipGetRegionOfDefinition(backgroundClip, bgTime(t));
        } else {
            rod = s.imageEffect().clipGetRegionOfDefinition(sourceClip, t);
        }
        out.setDoubles(Ofx.EFFECT_PROP_REGION_OF_DEFINITION, rod);
        return OfxStatus.OK;
    }

    /**
     * Background: the region asked for. Source: that region mapped back through the placement into
     * Source's canonical coordinates, padded by the resampling kernel's support at the render
     * scale, and clipped to Source's region (empty when the fg does not reach the region).
     */
    private int regionsOfInterest(PropertySet in, PropertySet out) {
        double t = in.getDouble(Ofx.PROP_TIME, 0);
        double[] roi = in.getDoubles(Ofx.EFFECT_PROP_REGION_OF_INTEREST, 4);
        double[] renderScale = in.getDoubles(Ofx.EFFECT_PROP_RENDER_SCALE, 2);
        Background bg = background();
        if (!bg.present()) {
            out.setDoubles(Ofx.CLIP_PROP_ROI_PREFIX + Ofx.CLIP_SOURCE, roi);
            return OfxStatus.OK;
        }
        double b = bgTime(t);
        if (bg.clip()) {
            out.setDoubles(Ofx.CLIP_PROP_ROI_PREFIX + AlignEffect.CLIP_BACKGROUND, roi);
        }
        out.setDoubles(Ofx.CLIP_PROP_ROI_PREFIX + Ofx.CLIP_SOURCE, sourceRegion(overlay(t, bg, b), roi, renderScale));
        return OfxStatus.OK;
    }

    static double[] sourceRegion(Overlay overlay, double[] roi, double[] renderScale) {
        double[] fg = overlay.foreground();
        double[] bgRod = overlay.background();
        Placement p = overlay.placement();
        double sc = p.scale() > 0 ? p.scale() : 1;
        double pad = (2 / Math.min(1, sc) + ROI_MARGIN) / Math.min(renderScale[0], renderScale[1]);
        // fg column u (from its left edge) lies at bg x = bgRod.x1 + x + u*scale; fg row v (from its top)
        // at bg y = bgRod.y2 - y - v*scale (y up)
        double x1 = fg[0] + (roi[0] - bgRod[0] - p.x()) / sc - pad;
        double x2 = fg[0] + (roi[2] - bgRod[0] - p.x()) / sc + pad;
        double y1 = fg[3] - (bgRod[3] - p.y() - roi[1]) / sc - pad;
        double y2 = fg[3] - (bgRod[3] - p.y() - roi[3]) / sc + pad;
        x1 = Math.max(x1, fg[0]);
        y1 = Math.max(y1, fg[1]);
        x2 = Math.min(x2, fg[2]);
        y2 = Math.min(y2, fg[3]);
        if (x2 <= x1 || y2 <= y1) {
            return new double[] {fg[0], fg[1], fg[0], fg[1]}; // nothing of the fg is needed
        }
        return new double[] {Math.floor(x1), Math.floor(y1), Math.ceil(x2), Math.ceil(y2)};
    }

    private int framesNeeded(PropertySet in, PropertySet out) {
        double t = in.getDouble(Ofx.PROP_TIME, 0);
        out.setDoubles(Ofx.CLIP_PROP_FRAME_RANGE_PREFIX + Ofx.CLIP_SOURCE, t, t);
        if (backgroundConnected() && backgroundPath().isEmpty()) {
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
        if (background().present()) {
            return OfxStatus.REPLY_DEFAULT; // the overlay, whatever the placement (see the class comment)
        }
        out.setString(Ofx.PROP_NAME, Ofx.CLIP_SOURCE);
        out.setDouble(Ofx.PROP_TIME, t);
        return OfxStatus.OK;
    }

    private int render(PropertySet in) {
        double t = in.getDouble(Ofx.PROP_TIME, 0);
        RectI renderWindow = RectI.of(in.getInts(Ofx.EFFECT_PROP_RENDER_WINDOW, 4));
        double[] renderScale = in.getDoubles(Ofx.EFFECT_PROP_RENDER_SCALE, 2);
        if (debugThrow != null && (debugThrow.equals("render") || debugThrow.equals("render@" + fmt(t)))) {
            throw new IllegalStateException("forced render failure at time " + fmt(t) + " (" + DEBUG_THROW_ENV + ")");
        }
        try (HostImage out = HostImage.fetch(s, outputClip, Ofx.CLIP_OUTPUT, t)) {
            if (out.image().bounds().isEmpty()) {
                return OfxStatus.OK; // nothing to draw into
            }
            // a host that crops inputs to the regions of interest may have no Source pixels for this
            // window (it lies beside the fg): Source is then absent, not an error
            try (HostImage fg = HostImage.fetchInput(s, sourceClip, t)) {
                Background bg = background();
                noteProblem(bg);
                if (!bg.present()) {
                    out.image().copyFrom(fg != null ? fg.image() : null, renderWindow);
                    return OfxStatus.OK;
                }
                double b = bgTime(t);
                Overlay overlay = overlay(t, bg, b);
                if (bg.file() != null) {
                    Grid grid = Grid.of(overlay.background(), renderScale[0], renderScale[1]);
                    ImageView frame = bg.file().frame((int) Math.round(b), grid.width(), grid.height());
                    draw(fg, frame, out, renderWindow, overlay, renderScale);
                } else {
                    try (HostImage bgImage = HostImage.fetchInput(s, backgroundClip, b)) {
                        // no background frame at map(t): the foreground goes over transparency
                        draw(fg, bgImage != null ? bgImage.image() : null, out, renderWindow, overlay, renderScale);
                    }
                }
            }
        }
        return OfxStatus.OK;
    }

    private void draw(HostImage fg, ImageView bg, HostImage out, RectI renderWindow, Overlay overlay,
            double[] renderScale) {
        if (fg == null) {
            out.image().copyFrom(bg, renderWindow);
        } else {
            renderer.render(fg.image(), bg, out.image(), renderWindow, overlay, renderScale);
        }
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
            write(new Values("", DEFAULT_OFFSET, DEFAULT_OFFSET, DEFAULT_SCALE, DEFAULT_BG_TIME_OFFSET, DEFAULT_FEATHER,
                    ""), RESET_LABEL);
            return OfxStatus.OK;
        }
        if (BG_FILE.equals(name)) {
            Background bg = background();
            if (bg.problem() != null) {
                message(Ofx.MESSAGE_ERROR, "Align overlay: the background file cannot be used: " + bg.problem()
                        + ". The Source passes through until a readable video is set.");
            }
            return OfxStatus.OK;
        }
        return OfxStatus.REPLY_DEFAULT;
    }

    // ------------------------------------------------------------------ analyze

    /** The options the Analysis group holds, as {@code vidkompy analyze} takes them. */
    AnalysisOptions options() {
        ParameterSuite ps = s.parameter();
        int p = Math.max(0, Math.min(MAX_PRECISION, ps.getInt(precision)));
        boolean u = ps.getInt(unscaled) != 0;
        int w = Math.max(0, ps.getInt(window));
        int bd = Math.max(0, ps.getInt(border));
        return new AnalysisOptions(SpatialOptions.defaults().withPrecision(p).withUnscaled(u), w, bd);
    }

    private void analyze() {
        Background bg = background();
        if (bg.problem() != null) {
            message(Ofx.MESSAGE_ERROR, "Align overlay: the background file cannot be used: " + bg.problem()
                    + ". The stored alignment is unchanged.");
            return;
        }
        if (!bg.present()) {
            message(Ofx.MESSAGE_ERROR, Ofx.CONTEXT_GENERAL.equals(context)
                    ? "Connect a Background clip or set a Background file before running Align overlay."
                    : "Set a Background file before running Align overlay (this host gives the effect one input).");
            return;
        }
        if (bg.clip()) {
            // Resolve shows every defined clip as connected; an unwired one gives no images
            double first = clipRange(backgroundClip)[0];
            try (HostImage probe = HostImage.fetchInput(s, backgroundClip, first)) {
                if (probe == null) {
                    message(Ofx.MESSAGE_ERROR, "Align overlay: the Background clip gives no image at frame " + fmt(first)
                            + ". Connect a background, or set a Background file. The stored alignment is unchanged.");
                    return;
                }
            }
        }
        AnalysisOptions options = options();
        boolean started = s.progress() != null && s.progress().start(effect, "Aligning overlay", "vidkompy.analyze") == OfxStatus.OK;
        Optional<StoredAlignment> result;
        try {
            result = analyzer.analyze(new Session(bg.file() != null ? bg.file().info() : null), options);
        } catch (NoMatchException e) {
            // the footage, not the plugin: tell the user, keep what is stored
            message(Ofx.MESSAGE_ERROR, "Align overlay could not find the foreground in the background: "
                    + e.getMessage() + ". The stored alignment is unchanged.");
            return;
        } catch (MediaException e) {
            message(Ofx.MESSAGE_ERROR, "Align overlay: " + e.getMessage() + ". The stored alignment is unchanged.");
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
        // Serialised once; the parse (kept for render) gives the controls exactly the numbers stored,
        // which are the numbers a vidkompy sidecar of this alignment holds
        Parsed stored = parse(result.get().format());
        Placement p = stored.record().alignment().spatial();
        write(new Values(stored.text(), p.x(), p.y(), p.scale(), DEFAULT_BG_TIME_OFFSET,
                s.parameter().getDoubleAtTime(feather, 0), stored.record().summary()), ANALYZE_LABEL);
    }

    /** Everything Analyze and Reset write, computed before the first write. */
    record Values(String data, double x, double y, double scale, double bgTimeOffset, double feather, String summary) {
    }

    private Values current() {
        ParameterSuite ps = s.parameter();
        return new Values(ps.getString(alignmentData), ps.getDouble(offsetX), ps.getDouble(offsetY), ps.getDouble(scale),
                ps.getDouble(bgTimeOffset), ps.getDouble(feather), ps.getString(summary));
    }

    /**
     * All result parameters in one edit block (one undo step); keys are replaced by plain values
     * where the host can delete keys. All or nothing: the alignment text goes last, and when a write
     * fails every parameter already written gets its value from before back (failing that, the
     * alignment text is cleared), so a half-written result never renders.
     */
    private void write(Values v, String undoName) {
        ParameterSuite ps = s.parameter();
        Values before = current();
        java.util.List<Runnable> undo = new java.util.ArrayList<>();
        ps.editBegin(paramSet, undoName);
        try {
            setPlain(offsetX, v.x(), before.x(), undo);
            setPlain(offsetY, v.y(), before.y(), undo);
            setPlain(scale, v.scale(), before.scale(), undo);
            setPlain(bgTimeOffset, v.bgTimeOffset(), before.bgTimeOffset(), undo);
            setPlain(feather, v.feather(), before.feather(), undo);
            ps.setString(summary, v.summary());
            undo.add(() -> ps.setString(summary, before.summary()));
            ps.setString(alignmentData, v.data());
        } catch (RuntimeException e) {
            boolean restored = true;
            for (int i = undo.size() - 1; i >= 0; i--) {
                try {
                    undo.get(i).run();
                } catch (RuntimeException again) {
                    restored = false;
                }
            }
            if (!restored) {
                try {
                    ps.setString(alignmentData, "");
                } catch (RuntimeException ignored) {
                    // nothing more can be done; the message below says what happened
                }
            }
            message(Ofx.MESSAGE_ERROR, "Align overlay: the host refused a parameter change (" + e.getMessage() + "); "
                    + (restored ? "nothing was changed." : "the stored alignment was cleared."));
        } finally {
            ps.editEnd(paramSet);
        }
    }

    private void setPlain(Pointer param, double value, double before, java.util.List<Runnable> undo) {
        setPlain(param, value);
        undo.add(() -> setPlain(param, before));
    }

    /**
     * Sets a plain value. Key functions are optional host features (HostSupport answers
     * kOfxStatErrMissingHostFeature by default): without them the value is just set.
     */
    private void setPlain(Pointer param, double value) {
        ParameterSuite ps = s.parameter();
        int keys;
        try {
            keys = ps.getNumKeys(param);
        } catch (OfxException e) {
            keys = -1; // unknown
        }
        if (keys != 0) {
            try {
                ps.deleteAllKeys(param);
            } catch (OfxException e) {
                // keys stay (or there were none); the value set below is what the host shows now
            }
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

    private AnalysisSession.HostClip clip(Pointer clip, String name) {
        PropertySet props = s.props(s.imageEffect().clipGetPropertySet(clip));
        double[] range = props.getDoubles(Ofx.EFFECT_PROP_FRAME_RANGE, 2);
        double fps = props.getDoubleOr(Ofx.EFFECT_PROP_FRAME_RATE,
                s.props(s.imageEffect().getPropertySet(effect)).getDoubleOr(Ofx.EFFECT_PROP_FRAME_RATE, 25));
        double[] rod = s.imageEffect().clipGetRegionOfDefinition(clip, range[0]);
        int frames = (int) Math.floor(range[1] - range[0] + 1e-6) + 1;
        return new AnalysisSession.HostClip(new Clip(name, (int) Math.round(rod[2] - rod[0]),
                (int) Math.round(rod[3] - rod[1]), fps, Math.max(0, frames)), range[0]);
    }

    private final class Session implements AnalysisSession {
        private final HostClip foreground = clip(sourceClip, Ofx.CLIP_SOURCE);
        private final MediaClip video;
        private final HostClip background;

        Session(MediaClip video) {
            this.video = video;
            this.background = video == null ? clip(backgroundClip, AlignEffect.CLIP_BACKGROUND) : null;
        }

        @Override
        public HostClip foregroundClip() {
            return foreground;
        }

        @Override
        public HostClip backgroundClip() {
            return background;
        }

        @Override
        public MediaClip backgroundVideo() {
            return video;
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
