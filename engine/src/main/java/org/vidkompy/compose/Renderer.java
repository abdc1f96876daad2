package org.vidkompy.compose;

import org.vidkompy.media.FrameRange;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.vidkompy.media.Alignment;
import org.vidkompy.io.AudioSource;
import org.vidkompy.io.EvenPadding;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;

/**
 * Renders the fg over the time-remapped bg from an {@link Alignment}: bg resolution, one output
 * frame per fg frame with the fg's own timestamps (a variable frame rate stays variable), the bg
 * frame {@code map[i]} under fg frame i, and the fg's audio (or the bg's, cut to match).
 *
 * <p>A frame range renders a piece of the job: its frames are pixel-for-pixel those of the full
 * render (decoding is exact after a seek to a key frame, and compositing depends on nothing but
 * the two input frames), its timestamps start at 0, and its last frame lasts until the next fg
 * frame would start, so pieces joined end to end give the full render's timing.
 */
public final class Renderer {

    private final VideoProbe probe;
    private final OutputPolicy outputs;

    @Inject
    public Renderer(VideoProbe probe, OutputPolicy outputs) {
        this.probe = probe;
        this.outputs = outputs;
    }

    public Renderer(VideoProbe probe) {
        this(probe, new OutputPolicy());
    }

    /**
     * Probes both files, claims the output and renders: for callers without a job of their own.
     *
     * @param alignmentFile where the alignment came from, for messages (may be null)
     * @throws MediaException for unreadable inputs, a sidecar that does not fit them, write errors
     */
    public RenderResult render(Path bg, Path fg, Alignment alignment, Path alignmentFile, RenderOptions options,
                               RenderListener listener) {
        try (OutputFile out = outputs.claim(options.output(), options.overwrite(),
                alignmentFile != null ? List.of(bg, fg, alignmentFile) : List.of(bg, fg))) {
            return render(probe.probe(bg), probe.probe(fg), alignment, alignmentFile, out, options, listener);
        }
    }

    /**
     * Renders the job's clips (probed once by the face) into an output the caller claimed (and
     * closes): the face claims it before the analysis, so a refusal comes before any work and an
     * interrupt finds it.
     */
    public RenderResult render(MediaClip bg, MediaClip fg, Alignment alignment, Path alignmentFile, OutputFile out,
                               RenderOptions options, RenderListener listener) {
        return render(bg, fg, alignment, alignmentFile, out, options, listener, RenderCheck.NONE);
    }

    /**
     * As {@link #render(MediaClip, MediaClip, Alignment, Path, OutputFile, RenderOptions, RenderListener)},
     * with every frame pair shown to {@code check} first.
     *
     * @throws RenderCheck.Refused where the check refused the render: nothing was published, and the
     *                             claimed output can be rendered into again
     */
    public RenderResult render(MediaClip bg, MediaClip fg, Alignment alignment, Path alignmentFile, OutputFile out,
                               RenderOptions options, RenderListener listener, RenderCheck check) {
        long start = System.nanoTime();
        fg = fg.placedOn(bg);
        Plan plan = plan(bg, fg, alignment, alignmentFile, options);
        OverlayGeometry geometry = OverlayGeometry.of(alignment);
        FeatherMask feather = FeatherMask.of(geometry, options.margin());
        WriterOptions writer = WriterOptions.of(geometry.bgWidth(), geometry.bgHeight(), fg.nominalFps())
                .withTimeBase(fg.times().timeBase())
                .withQuality(options.crf(), options.preset())
                .withAudio(plan.audio)
                .withInput(PixelLayout.planarFor(options.bitDepthFor(bg.bitDepth(), fg.bitDepth())))
                .withPixelAspect(bg.pixelAspect());
        double setup = (System.nanoTime() - start) / 1e9;
        List<StageTime> stages;
        // The writer pads an odd bg size to even (H.264 4:2:0); say so in the result.
        int outW = EvenPadding.even(geometry.bgWidth());
        int outH = EvenPadding.even(geometry.bgHeight());
        PixelLayout layout;
        try (FrameSink sink = new VideoWriterSink(VideoWriter.create(out, writer));
             FrameCompositor compositor = compositor(sink.layout(), geometry, feather, options.threads())) {
            layout = sink.layout();
            stages = pipeline(bg, fg, alignment, plan.range, compositor, check).run(sink, listener);
        }
        return new RenderResult(out.target(), plan.range, plan.range.length(), plan.audioLabel,
                plan.audio != null ? plan.audio.startSeconds() : 0, setup, (System.nanoTime() - start) / 1e9,
                stages, outW, outH, outW != geometry.bgWidth() || outH != geometry.bgHeight(), layout.bitDepth());
    }

    /**
     * Renders into any sink (tests look at the composited frames before encoding): the same
     * pipeline without audio and without touching the file system.
     */
    public List<StageTime> render(Path bg, Path fg, Alignment alignment, RenderOptions options, FrameSink sink) {
        MediaClip b = probe.probe(bg);
        MediaClip f = probe.probe(fg).placedOn(b);
        Plan plan = plan(b, f, alignment, null, options.withAudio(AudioMode.NONE));
        OverlayGeometry geometry = OverlayGeometry.of(alignment);
        try (FrameCompositor compositor = compositor(sink.layout(), geometry,
                FeatherMask.of(geometry, options.margin()), options.threads())) {
            return pipeline(b, f, alignment, plan.range, compositor, RenderCheck.NONE).run(sink, RenderListener.NONE);
        }
    }

    /** The compositor for frames in {@code layout}: YUV 4:2:0 for the encoder, RGB24 for pixel sinks. */
    static FrameCompositor compositor(PixelLayout layout, OverlayGeometry geometry, FeatherMask feather,
                                      int threads) {
        return switch (layout) {
            case YUV420P, YUV420P10 -> new YuvCompositor(geometry, feather, threads, layout);
            case RGB24 -> new Compositor(geometry, feather, threads);
            default -> throw new IllegalArgumentException("cannot render into " + layout);
        };
    }

    private static RenderPipeline pipeline(MediaClip bg, MediaClip fg, Alignment alignment, FrameRange range,
                                           FrameCompositor compositor, RenderCheck check) {
        return new RenderPipeline(bg.path(), fg.path(), alignment.temporal().map(), range, fg.times(), bg.times(),
                compositor, check);
    }

    private record Plan(FrameRange range, AudioSource audio, String audioLabel) {
    }

    private static Plan plan(MediaClip bg, MediaClip fg, Alignment alignment, Path alignmentFile,
                             RenderOptions options) {
        AlignmentCheck.validate(alignment, bg, fg, alignmentFile);
        int n = alignment.temporal().map().length;
        FrameRange range = options.frames() != null ? options.frames() : new FrameRange(0, n - 1);
        if (range.last() >= n) {
            throw new IllegalArgumentException("frame range " + range.first() + "-" + range.last()
                    + " goes beyond the fg's last frame " + (n - 1));
        }
        if (fg.times().count() != n) {
            throw new MediaException(fg.path(), "holds " + fg.times().count() + " frames, but the alignment maps "
                    + n);
        }
        AudioSource audio = null;
        String label = "none";
        AudioMode mode = options.audio();
        boolean useFg = (mode == AudioMode.AUTO || mode == AudioMode.FOREGROUND) && fg.hasAudio();
        boolean useBg = !useFg && (mode == AudioMode.AUTO || mode == AudioMode.BACKGROUND) && bg.hasAudio();
        if (useFg) {
            audio = new AudioSource(fg.path(), fg.times().seconds(range.first()));
            label = "foreground";
        } else if (useBg) {
            // The bg's sound at the moment that is under the first rendered fg frame.
            audio = new AudioSource(bg.path(), bg.times().seconds(alignment.temporal().map()[range.first()]));
            label = "background";
        }
        return new Plan(range, audio, label);
    }
}
