package org.vidkompy.cli;

import java.nio.file.Path;
import java.util.List;
import org.vidkompy.compose.AudioMode;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.WriterOptions;
import picocli.CommandLine.Option;

/** Output and encoder options shared by render and comp. */
final class RenderOptionsMixin {


    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file (default: {bg_stem}_overlay_{fg_stem}.mp4 in the current folder).")
    Path output;

    @Option(names = "--crf", paramLabel = "N", defaultValue = "" + RenderOptions.DEFAULT_CRF,
            description = "x264 quality, 0 (lossless) to 51 (default: ${DEFAULT-VALUE}, visually lossless).")
    int crf;

    @Option(names = "--preset", paramLabel = "P", defaultValue = RenderOptions.DEFAULT_PRESET,
            description = "x264 speed/size preset, ultrafast .. veryslow (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--bit-depth", paramLabel = "auto|8|10", defaultValue = "auto",
            description = "Bits per sample of the output video (default: ${DEFAULT-VALUE}: 10-bit H.264 (High 10)"
                    + " when either input has more than 8 bits, so a 10-bit master keeps them, else 8-bit)."
                    + " Many hardware players and phones decode only 8-bit H.264: use 8 for them.")
    String bitDepth;

    @Option(names = {"-s", "--smooth"}, description = "Feather the fg's edges where the bg is visible beyond them.")
    boolean smooth;

    @Option(names = {"-m", "--margin"}, paramLabel = "N", defaultValue = "" + RenderOptions.DEFAULT_MARGIN,
            description = "Feather width in output pixels with --smooth (default: ${DEFAULT-VALUE}).")
    int margin;

    @Option(names = "--no-audio", description = "Write no audio.")
    boolean noAudio;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing output file (never an input).")
    boolean force;

    /**
     * Claims the output under the engine's output policy (never an input, an existing regular file
     * only with --force), before any work starts.
     */
    OutputFile claim(PairJob job, Path bg, Path fg, List<Path> otherInputs) {
        if (crf < 0 || crf > 51) {
            throw new UsageException("--crf must be 0..51, got " + crf);
        }
        if (!WriterOptions.PRESETS.contains(preset)) {
            throw new UsageException("--preset must be one of ultrafast, superfast, veryfast, faster, fast, medium,"
                    + " slow, slower, veryslow; got '" + preset + "'");
        }
        if (margin < 0) {
            throw new UsageException("--margin must be >= 0, got " + margin);
        }
        bits();
        Path out = output != null ? output : Path.of(OutputNames.overlay(bg, fg));
        List<Path> inputs = new java.util.ArrayList<>(List.of(bg, fg));
        inputs.addAll(otherInputs);
        return job.claim(out, force, inputs);
    }

    RenderOptions options(Path out) {
        return RenderOptions.to(out).withQuality(crf, preset).withFeather(smooth ? margin : 0)
                .withAudio(noAudio ? AudioMode.NONE : AudioMode.AUTO).withOverwrite(force).withBitDepth(bits());
    }

    private int bits() {
        return switch (bitDepth) {
            case "auto" -> RenderOptions.FOLLOW_INPUTS;
            case "8" -> 8;
            case "10" -> 10;
            default -> throw new UsageException("--bit-depth must be auto, 8 or 10; got '" + bitDepth + "'");
        };
    }
}
