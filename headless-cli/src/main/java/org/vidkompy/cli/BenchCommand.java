package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import org.vidkompy.io.OutputPolicy;
import java.util.ArrayList;
import java.util.List;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.Rational;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairGenerator;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks against FFmpeg's own command line, in the same run on the same machine.",
        subcommands = {BenchCommand.Decode.class, BenchCommand.Generate.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        throw new UsageException("bench needs a subcommand: decode, generate");
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a large fg/bg pair with known truth for benchmarks (default 1080p, 60 s).")
    static final class Generate implements Runnable {
        private final OutputPolicy outputs;
        private final Console console;

        @Option(names = {"-o", "--output-dir"}, required = true, paramLabel = "DIR")
        Path dir;

        @Option(names = "--width", defaultValue = "1920")
        int width;

        @Option(names = "--height", defaultValue = "1080")
        int height;

        @Option(names = "--seconds", defaultValue = "60")
        int seconds;

        @Inject
        Generate(OutputPolicy outputs, Console console) {
            this.outputs = outputs;
            this.console = console;
        }

        @Override
        public void run() {
            if (seconds < 3 || seconds > 3600) {
                throw new UsageException("--seconds must be 3..3600 (the fg is 2 s shorter than the bg), got " + seconds);
            }
            if (width < 64 || height < 64 || width > 8192 || height > 8192) {
                throw new UsageException("--width and --height must be 64..8192, got " + width + "x" + height);
            }
            outputs.freshFolder(dir);
            Rational fps = new Rational(25, 1);
            int bgFrames = seconds * 25;
            int fgFrames = bgFrames - 50;
            PairSpec spec = PairSpec.demo().withBackground(width, height, bgFrames)
                    .withGeometry(width / 2, height / 2, width * 0.2 + 0.3, height * 0.25 + 0.6, 1.0)
                    .withMap(fps, TimeMaps.linear(fgFrames, 25, 1.0)).withCrf(20);
            try {
                long t0 = System.nanoTime();
                GeneratedPair p = new PairGenerator().generate(spec, dir);
                console.result("wrote " + p.background() + " and " + p.foreground() + " in "
                        + Math.round((System.nanoTime() - t0) / 1e9) + " s");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Decode throughput of vidkompy's reader vs 'ffmpeg -threads N -i FILE -f null -'. Runs each variant --runs times and reports the best."})
    static final class Decode implements Runnable {
        private final Console console;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--ffmpeg", paramLabel = "PATH",
                description = "ffmpeg binary (default: the one inside the Bytedeco jar; needs libpulse0).")
        String ffmpeg;

        @Option(names = "--threads", defaultValue = "0", description = "Decoder threads, 0 = auto (both sides).")
        int threads;

        @Option(names = "--runs", defaultValue = "3")
        int runs;

        @Inject
        Decode(Console console) {
            this.console = console;
        }

        @Override
        public void run() {
            InputFile.require(file, "FILE");
            String bin = ffmpeg != null ? ffmpeg : FfmpegBinary.locate();
            double ff = best(() -> runFfmpeg(bin));
            double plain = best(() -> decode(ReaderOptions.of().withThreads(threads)));
            double thumbs = best(() -> decode(ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, 64, 36))
                    .withThreads(threads)));
            double thumbsNoLf = best(() -> decode(ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, 64, 36))
                    .withThreads(threads).withSkipLoopFilter(true)));
            console.result(String.format("ffmpeg -f null              %7.2f s", ff));
            console.result(String.format("reader, decode only         %7.2f s  (%.2fx ffmpeg)", plain, plain / ff));
            console.result(String.format("reader + 64x36 gray thumbs  %7.2f s  (%.2fx)", thumbs, thumbs / ff));
            console.result(String.format("  ... skipping loop filter  %7.2f s  (%.2fx)", thumbsNoLf, thumbsNoLf / ff));
        }

        private double decode(ReaderOptions opts) {
            long t0 = System.nanoTime();
            try (FrameReader r = FrameReader.open(file, opts)) {
                while (r.next()) {
                    // only the decoding counts
                }
            }
            return (System.nanoTime() - t0) / 1e9;
        }

        private double runFfmpeg(String bin) {
            List<String> cmd = new ArrayList<>(List.of(bin, "-v", "error", "-threads", Integer.toString(threads),
                    "-i", file.toString(), "-map", "0:v", "-f", "null", "-"));
            long t0 = System.nanoTime();
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
                // The bundled program finds its libraries (libva, libavcodec...) beside itself.
                String dir = java.nio.file.Path.of(bin).toAbsolutePath().getParent().toString();
                String old = pb.environment().getOrDefault("LD_LIBRARY_PATH", "");
                pb.environment().put("LD_LIBRARY_PATH", old.isEmpty() ? dir : dir + ":" + old);
                Process p = pb.start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("ffmpeg failed: " + String.join(" ", cmd));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return (System.nanoTime() - t0) / 1e9;
        }

        private double best(java.util.function.DoubleSupplier run) {
            double b = Double.MAX_VALUE;
            for (int i = 0; i < Math.max(1, runs); i++) {
                b = Math.min(b, run.getAsDouble());
            }
            return b;
        }
    }
}
