package org.vidkompy.align;

import com.google.inject.Guice;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.io.Rational;
import org.vidkompy.media.Alignment;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.Grade;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.TimeMaps;
import org.vidkompy.testkit.Fixtures;
import org.vidkompy.testkit.TruthScore;

/**
 * Pairs nobody picked: each seed draws a scene, a placement (footprint 64 px to 85 % of the bg,
 * scale 0.5 to 2, anywhere inside), a timing (another speed, a ramp, a faster fg, a phone's
 * variable rate), a grade and a compression, all at once, and the analysis must recover them as
 * the accuracy suite's cases do. The named cases pin what an issue describes; these catch the
 * combinations no one thought to write down.
 *
 * <p>CI runs the first {@link #CI_COUNT} seeds and {@link #FIXED_SINCE}. Wider sweeps, to look for trouble:
 * <pre>
 * ./mvnw -B -pl engine -am test -Dtest=MixedPairsTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dvidkompy.mixed.count=40 -Dvidkompy.mixed.from=1000
 * </pre>
 */
class MixedPairsTest {

    static final int CI_COUNT = 8;
    /**
     * Seeds that fall short today, with what they reach (share exact, position in px, scale error and,
     * where more than one, the worst frame's miss):
     * they must not get worse, and the README lists them. None today: seeds 6 and 134 met every target
     * once the scene's pixels were the mean of their footprint (2026-12-02), seed 165 (a ramp to 1.5
     * under a contrast curve, one frame next to a midpoint) once the whole-clip curve took undecided
     * frames' ranges (2026-12-03).
     */
    static final Map<Long, double[]> SHORTFALLS = Map.of();
    private static final Rational FPS25 = new Rational(25, 1);

    /**
     * Seeds from wider sweeps that showed a fault since fixed; CI keeps them fixed. 36, 117 and 134:
     * placement and time traded along a pan (0.4 px, a third to a half of the frames one off) until
     * {@link WholeClipFit}; so did seed 4 of the first eight (72 %, with the fit's scale steps 100 %).
     * Seed 4 again with the scene's pixels the mean of their footprint (a first placement 26 px off, 0 %)
     * until {@link PlacementChoice}.
     */
    static final long[] FIXED_SINCE = {23, 25, 36, 117, 134, 155, 165};

    static Stream<Arguments> seeds() {
        long from = Long.getLong("vidkompy.mixed.from", 1);
        int count = Integer.getInteger("vidkompy.mixed.count", CI_COUNT);
        LongStream drawn = LongStream.range(from, from + count);
        if (System.getProperty("vidkompy.mixed.from") == null && System.getProperty("vidkompy.mixed.count") == null) {
            drawn = LongStream.concat(drawn, LongStream.of(FIXED_SINCE));
        }
        return drawn.mapToObj(s -> {
            Drawn d = draw(s);
            return Arguments.of(s, d.description, d.spec, d.noisy);
        });
    }

    /** One drawn pair: its spec, a line saying what was drawn, and whether it is a noisy one. */
    record Drawn(PairSpec spec, String description, boolean noisy) {
    }

    static Drawn draw(long seed) {
        Random r = new Random(seed * 7919 + 17);
        int bgW = 320;
        int bgH = 180;
        StringBuilder what = new StringBuilder();

        // Where: a footprint 64 px wide up to most of the bg, at a scale from 0.5 to 2.
        double fpW = 64 + r.nextDouble() * (0.85 * bgW - 64);
        double scale = Math.exp((r.nextDouble() * 2 - 1) * Math.log(2));
        int fgW = (int) Math.round(fpW / scale);
        int fgH = (int) Math.round(fgW * 9 / 16.0);
        double fpH = fgH * scale;
        double x = r.nextDouble() * (bgW - fgW * scale);
        double y = r.nextDouble() * Math.max(0, bgH - fpH);
        what.append(String.format("%dx%d at (%.1f, %.1f) scale %.3f", fgW, fgH, x, y, scale));

        // When: the bg holds enough frames for any of the timings below.
        int bgFrames = 360;
        int start = 10 + r.nextInt(30);
        PairSpec base = new PairSpec(1 + r.nextInt(1000), bgW, bgH, FPS25, bgFrames, -1, -1, fgW, fgH, x, y, scale,
                FPS25, TimeMaps.linear(120, start, 1.0), 1.0, 0.0, 0.0, 0, 0, 0, 18, false, false);
        PairSpec spec;
        switch (r.nextInt(4)) {
            case 0 -> {
                // Another constant speed: the fg at the rate that shows each bg frame at its moment.
                int fgFps = 18 + r.nextInt(14);
                spec = base.withMap(new Rational(fgFps, 1), TimeMaps.linear(140, start, 25.0 / fgFps));
                what.append(", ").append(fgFps).append(" fps over 25");
            }
            case 1 -> {
                double to = 0.6 + r.nextDouble();
                spec = base.withMap(FPS25, TimeMaps.ramp(140, start + 0.2, 1.0, to, 40, 40 + r.nextInt(60)));
                what.append(String.format(", ramp 1 -> %.2f", to));
            }
            case 2 -> {
                int k = 2 + r.nextInt(2);
                spec = base.withMap(new Rational(25 * k, 1), TimeMaps.faster(100 * k, start, k, r.nextDouble() / k));
                what.append(", fg at ").append(k).append("x the bg's rate");
            }
            default -> {
                TimeMaps.Vfr v = TimeMaps.variableRate(seed, 150, new Rational(30, 1), FPS25, start + 0.1,
                        0.03 + 0.1 * r.nextDouble(), 0.02, 0.3 * r.nextDouble());
                spec = base.withTimes(v.nominal(), v.times(), v.map());
                what.append(", variable rate (phone)");
            }
        }

        // How it looks: a grade or none, then a compression.
        switch (r.nextInt(4)) {
            case 0 -> what.append(", no grade");
            case 1 -> {
                double g = Math.exp((r.nextDouble() * 2 - 1) * Math.log(1.8));
                spec = spec.withLook(Grade.gamma(g));
                what.append(String.format(", gamma %.2f", g));
            }
            case 2 -> {
                double s = 0.2 + 1.2 * r.nextDouble();
                spec = spec.withLook(Grade.saturation(s).withTint(0.9 + 0.2 * r.nextDouble(), 1.0,
                        0.9 + 0.2 * r.nextDouble()));
                what.append(String.format(", saturation %.2f + tint", s));
            }
            default -> {
                double c = 0.3 + 0.7 * r.nextDouble();
                spec = spec.withLook(Grade.contrast(c).withGamma(0.8, 1.0, 1.2));
                what.append(String.format(", contrast %.2f + per-channel gamma", c));
            }
        }
        int crf = 16 + r.nextInt(13);
        spec = spec.withCrf(crf);
        what.append(", crf ").append(crf);
        boolean noisy = crf >= 26;
        return new Drawn(spec, what.toString(), noisy);
    }

    @ParameterizedTest(name = "seed {0}: {1}")
    @MethodSource("seeds")
    void recoversTheTruth(long seed, String description, PairSpec spec, boolean noisy) {
        TruthScore t = analysed("mixed-" + seed, "seed " + seed + ": " + description, spec);
        double[] known = SHORTFALLS.get(seed);
        t.assertMeets("seed " + seed + " (" + description + ")", known != null ? known[0] : 99.5,
                known != null && known.length > 3 ? (int) known[3] : 1,
                known != null ? known[1] : noisy ? 0.25 : 0.1, known != null ? known[2] : 0.001);
    }

    /**
     * Seed 117's placement and timing (a 219x123 fg at scale 0.538 over a slow pan, 20 fps over 25)
     * clean: no grade, crf 16. A placement 0.29 px off and a map two to four frames late fitted each
     * other, and trying one frame either side of the map's pairs could not leave that: 29 % of the
     * frames were right. Trying three either side finds the true moment.
     */
    @Test
    void slowPanDoesNotTradeTimeForPosition() {
        PairSpec spec = draw(117).spec().withLook(Grade.NONE).withCrf(16);
        TruthScore t = analysed("mixed-117-clean", "seed 117 clean", spec);
        t.assertMeets("seed 117 clean", 99.5, 1, 0.1, 0.001);
    }

    /** The pair made, analysed end to end, scored against its truth, and the score printed. */
    private static TruthScore analysed(String fixture, String label, PairSpec spec) {
        GeneratedPair pair = Fixtures.pair(fixture, spec);
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        Alignment a = analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                AnalysisProgress.NONE, w -> { }).alignment();
        TruthScore t = TruthScore.of(a, spec);
        System.out.printf("%s: exact %.1f%% (%d/%d) worst %d dx %+.3f dy %+.3f scale %+.3f%%%n", label,
                t.share(), t.exact(), t.frames(), t.worst(), t.dx(), t.dy(), 100 * t.scaleError());
        return t;
    }
}
