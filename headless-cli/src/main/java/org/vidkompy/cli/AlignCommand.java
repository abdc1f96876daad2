package org.vidkompy.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vidkompy.media.FfmpegClipSource;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.spatial.NoMatchException;
import org.vidkompy.spatial.PrecisionPreset;
import org.vidkompy.spatial.SpatialAligner;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.spatial.SpatialOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "align", mixinStandardHelpOptions = true,
        description = {"Find FG inside BG: where (x, y of FG's top-left in BG pixels, sub-pixel), at which scale, "
                + "and how well (ZNCC confidence). Each may be an image (png, jpg, ...) or a video; for videos, "
                + "frames spread over each clip are compared.",
            "",
            "The arguments are BG FG, background first, as in every vidkompy command (align used to take FG BG)."},
        footerHeading = "%nExample:%n",
        footer = {"  vidkompy align screen.png inset.png    where inset.png sits in screen.png"})
final class AlignCommand implements Runnable {

    private final VideoProbe probe;
    /** Provided when the search starts: that is when the engine chooses CPU or GPU. */
    private final Provider<SpatialAligner> aligner;
    private final Console console;

    @Mixin
    PairArguments pair;

    @Option(names = {"-p", "--precision", "--align-precision"}, paramLabel = "0..4", defaultValue = "2",
            description = "Search effort, 0 fastest .. 4 most thorough (default ${DEFAULT-VALUE}).")
    int precision;

    @Option(names = "--unscaled", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Prefer scale 1 unless another scale is clearly better (default).")
    boolean unscaled;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Inject
    AlignCommand(VideoProbe probe, Provider<SpatialAligner> aligner, Console console) {
        this.probe = probe;
        this.aligner = aligner;
        this.console = console;
    }

    @Override
    public void run() {
        Path bg = pair.bg();
        Path fg = pair.fg();
        OptionValues.whole("--precision", precision, 0, 4);
        MediaClip bi = probe.probe(bg);
        MediaClip fi = probe.probe(fg).placedOn(bi);
        PrecisionPreset preset = PrecisionPreset.of(precision);
        long t0 = System.nanoTime();
        List<Plane> fs = new FfmpegClipSource(fi).samples(2 * preset.fgSamples()).stream().map(LumaImage::toPlane).toList();
        List<Plane> bs = new FfmpegClipSource(bi).samples(2 * preset.bgSamples()).stream().map(LumaImage::toPlane).toList();
        SpatialAlignment a;
        try {
            a = aligner.get().locate(fs, bs, SpatialOptions.defaults().withPrecision(precision).withUnscaled(unscaled));
        } catch (NoMatchException e) {
            throw new MediaException(fg, "not found in " + bg + ": " + e.getMessage());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("foreground", Map.of("path", fg.toString(), "width", fi.width(), "height", fi.height()));
            m.put("background", Map.of("path", bg.toString(), "width", bi.width(), "height", bi.height()));
            m.put("x", a.x());
            m.put("y", a.y());
            m.put("scale", a.scale());
            m.put("confidence", a.confidence());
            m.put("seconds", secs);
            console.result(Json.write(m));
            return;
        }
        console.result(String.format("%s (%dx%d) in %s (%dx%d):", fg, fi.width(), fi.height(), bg, bi.width(),
                bi.height()));
        console.result(String.format("  x=%.2f y=%.2f scale=%.4f (drawn %.1fx%.1f) confidence %.3f  [%.2f s]",
                a.x(), a.y(), a.scale(), fi.width() * a.scale(), fi.height() * a.scale(), a.confidence(), secs));
    }
}
