package org.vidkompy.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.vidkompy.io.AudioSource;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;

/**
 * Writes a fg/bg pair with known truth: the bg is the procedural {@link Scene}; the fg is a window
 * onto it (any sub-pixel offset and scale) re-timed by the spec's map, graded, noised,
 * letterboxed, faded in, and both are encoded as H.264 MP4 at the spec's crf. A spec with explicit
 * fg timestamps ({@link FgTimes}) gives a variable-frame-rate fg whose file carries them exactly; a
 * spec with a {@link Grade} grades the fg non-linearly first; a fg past the bg's edges sees real
 * scene there ({@link Scene#of}).
 */
public final class PairGenerator {

    /** Pitch base and slope of the bg tone; the fg tone uses other numbers so the two never mix up. */
    public static final double BG_TONE_BASE = 300;
    public static final double BG_TONE_SLOPE = 40;
    public static final double FG_TONE_BASE = 1200;
    public static final double FG_TONE_SLOPE = 25;

    public GeneratedPair generate(PairSpec spec, Path dir, String bgName, String fgName) throws IOException {
        Files.createDirectories(dir);
        Scene scene = Scene.of(spec);
        Path bg = dir.resolve(bgName);
        Path fg = dir.resolve(fgName);
        writeBackground(spec, scene, bg, dir);
        writeForeground(spec, scene, fg, dir);
        Path truth = dir.resolve(stem(fgName) + "_truth.json");
        writeTruth(spec, bg, fg, truth);
        return new GeneratedPair(bg, fg, truth, spec);
    }

    /**
     * Another fg for the bg of {@code pair} (made from the same scene: {@code spec} differs from the
     * pair's in the fg's fields only), written beside it; the bg is not written again.
     */
    public GeneratedPair anotherForeground(GeneratedPair pair, PairSpec spec, String fgName) throws IOException {
        PairSpec b = pair.spec();
        if (b.seed() != spec.seed() || b.bgWidth() != spec.bgWidth() || b.bgHeight() != spec.bgHeight()
                || !b.bgFps().equals(spec.bgFps()) || b.bgFrames() != spec.bgFrames() || b.staticFrom() != spec.staticFrom()
                || b.staticTo() != spec.staticTo()
                || b.still() != spec.still() || b.holdCreep() != spec.holdCreep()) {
            throw new IllegalArgumentException("another bg: " + spec);
        }
        Path dir = pair.background().getParent();
        Path fg = dir.resolve(fgName);
        writeForeground(spec, Scene.of(spec), fg, dir);
        Path truth = dir.resolve(stem(fgName) + "_truth.json");
        writeTruth(spec, pair.background(), fg, truth);
        return new GeneratedPair(pair.background(), fg, truth, spec);
    }

    public GeneratedPair generate(PairSpec spec, Path dir) throws IOException {
        return generate(spec, dir, "bg.mp4", "fg.mp4");
    }

    private void writeBackground(PairSpec spec, Scene scene, Path out, Path dir) throws IOException {
        int w = spec.bgWidth();
        int h = spec.bgHeight();
        Path wav = null;
        WriterOptions opts = WriterOptions.of(w, h, spec.bgFps()).withQuality(spec.crf(), "veryfast").repeatably();
        if (spec.bgAudio()) {
            wav = Files.createTempFile(dir, ".bgtone", ".wav");
            ToneTrack.writeWav(wav, spec.bgFrames() / spec.bgFps().toDouble() + 0.5, BG_TONE_BASE, BG_TONE_SLOPE);
            opts = opts.withAudio(AudioSource.of(wav));
        }
        byte[] rgb = new byte[w * h * 3];
        ByteBuffer buf = ByteBuffer.allocateDirect(rgb.length);
        Viewport full = Viewport.full(w, h);
        try (VideoWriter writer = VideoWriter.create(out, opts)) {
            for (int i = 0; i < spec.bgFrames(); i++) {
                scene.renderRgb(i, full, rgb);
                buf.clear();
                buf.put(rgb).flip();
                writer.write(buf, i);
            }
            writer.finish();
        } finally {
            if (wav != null) {
                Files.deleteIfExists(wav);
            }
        }
    }

    private void writeForeground(PairSpec spec, Scene scene, Path out, Path dir) throws IOException {
        int w = spec.fgWidth();
        int h = spec.fgHeight();
        Viewport content = spec.contentViewport();
        int cw = content.width();
        int ch = content.height();
        byte[] contentRgb = new byte[cw * ch * 3];
        byte[] rgb = new byte[w * h * 3];
        ByteBuffer buf = ByteBuffer.allocateDirect(rgb.length);
        Random noise = new Random(spec.seed() * 31 + 7);
        Path wav = null;
        Rational fps = spec.fgFps();
        FgTimes times = spec.times();
        WriterOptions opts = WriterOptions.of(w, h, fps).withQuality(spec.crf(), "veryfast").repeatably();
        double seconds = spec.fgFrames() / fps.toDouble();
        if (times != null) {
            opts = opts.withTimeBase(times.timeBase());
            seconds = times.seconds(spec.fgFrames() - 1) + 1 / fps.toDouble();
        }
        Grade grade = spec.grade();
        double[] graded = grade.isIdentity() ? null : new double[cw * ch * 3];
        if (spec.fgAudio()) {
            wav = Files.createTempFile(dir, ".fgtone", ".wav");
            ToneTrack.writeWav(wav, seconds + 0.5, FG_TONE_BASE, FG_TONE_SLOPE);
            opts = opts.withAudio(AudioSource.of(wav));
        }
        try (VideoWriter writer = VideoWriter.create(out, opts)) {
            for (int j = 0; j < spec.fgFrames(); j++) {
                scene.renderRgb(spec.map()[j], content, contentRgb);
                if (graded != null) {
                    grade.apply(contentRgb, cw, ch, graded);
                }
                double fade = spec.fadeFrames() > 0 ? Math.min(1.0, (double) j / spec.fadeFrames()) : 1.0;
                java.util.Arrays.fill(rgb, (byte) 0);
                for (int y = 0; y < ch; y++) {
                    for (int x = 0; x < cw; x++) {
                        int s = 3 * (y * cw + x);
                        int d = 3 * ((y + spec.barY()) * w + x + spec.barX());
                        for (int c = 0; c < 3; c++) {
                            double in = graded != null ? graded[s + c] : contentRgb[s + c] & 0xff;
                            double v = in * spec.gain() + spec.bias();
                            if (spec.noise() > 0) {
                                v += noise.nextGaussian() * spec.noise();
                            }
                            v *= fade;
                            rgb[d + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                        }
                    }
                }
                buf.clear();
                buf.put(rgb).flip();
                writer.write(buf, times != null ? times.pts()[j] : j);
            }
            writer.finish();
        } finally {
            if (wav != null) {
                Files.deleteIfExists(wav);
            }
        }
    }

    private static void writeTruth(PairSpec spec, Path bg, Path fg, Path truth) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("schema", "vidkompy.truth/1");
        t.put("background", bg.getFileName().toString());
        t.put("foreground", fg.getFileName().toString());
        t.put("x", spec.x());
        t.put("y", spec.y());
        t.put("scale", spec.scale());
        t.put("bgFps", spec.bgFps().toString());
        t.put("fgFps", spec.fgFps().toString());
        t.put("bgFrames", spec.bgFrames());
        t.put("map", spec.map());
        if (spec.times() != null) {
            t.put("fgTimeBase", spec.times().timeBase().toString());
            t.put("fgPts", spec.times().pts());
        }
        t.put("spec", spec);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(truth.toFile(), t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
