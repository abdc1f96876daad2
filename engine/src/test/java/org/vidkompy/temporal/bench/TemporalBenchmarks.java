package org.vidkompy.temporal.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vidkompy.image.Plane;
import org.vidkompy.temporal.CpuCostKernel;
import org.vidkompy.temporal.DescriptorSequence;
import org.vidkompy.temporal.DescriptorSpec;
import org.vidkompy.temporal.TemporalAligner;
import org.vidkompy.temporal.TemporalAlignment;
import org.vidkompy.temporal.TemporalOptions;

/**
 * Throughput of the temporal package. Run:
 * {@code java -cp <test classpath> org.openjdk.jmh.Main TemporalBenchmarks -f 1 -wi 1 -i 2}.
 *
 * <ul>
 *   <li>{@code describe}: thumbnails described per second (one op = one 32x32 frame).</li>
 *   <li>{@code fullLattice}: one op aligns 2000 fg x 2000 bg frames over the whole lattice (virtual
 *       margins included: 2000 x 6004 = 12.0 M cells in the first pass, plus a 2000 x ~13 band in the
 *       trajectory pass); cells/s = 12.0e6 x ops/s.</li>
 *   <li>{@code tenMinutePair}: one op aligns 36,000 x 36,000 frames (10 min at 60 fps) end to end with
 *       the default coarse-to-fine plan; frames/s = 36,000 x ops/s.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 2, time = 5)
public class TemporalBenchmarks {

    private Plane[] thumbs;
    private DescriptorSequence.Builder builder;
    private int next;
    private DescriptorSequence fgSmall;
    private DescriptorSequence bgSmall;
    private DescriptorSequence fgLong;
    private DescriptorSequence bgLong;
    private final TemporalAligner aligner = new TemporalAligner(new CpuCostKernel());

    @Setup
    public void setUp() {
        Random rnd = new Random(3);
        thumbs = new Plane[64];
        for (int i = 0; i < thumbs.length; i++) {
            Plane p = Plane.allocate(32, 32);
            for (int k = 0; k < p.data().length; k++) {
                p.data()[k] = 128 + 60 * (float) rnd.nextGaussian();
            }
            thumbs[i] = p;
        }
        builder = DescriptorSequence.builder(DescriptorSpec.standard());
        DescriptorSequence[] small = walkPair(2000, 2000, 300, 1);
        fgSmall = small[0];
        bgSmall = small[1];
        DescriptorSequence[] big = walkPair(36_000, 36_000 + 600, 300, 2);
        fgLong = big[0];
        bgLong = big[1];
    }

    /** fg = bg shifted by {@code offset}, from thumbnails of a drifting random texture. */
    private static DescriptorSequence[] walkPair(int fgFrames, int bgFrames, int offset, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[32 * 32];
        DescriptorSequence.Builder bg = DescriptorSequence.builder(DescriptorSpec.standard());
        float[][] keep = new float[bgFrames][];
        for (int f = 0; f < bgFrames; f++) {
            for (int k = 0; k < v.length; k++) {
                v[k] = 0.97f * v[k] + 8f * (float) rnd.nextGaussian();
            }
            keep[f] = v.clone();
            bg.add(new Plane(32, 32, keep[f]));
        }
        DescriptorSequence.Builder fg = DescriptorSequence.builder(DescriptorSpec.standard());
        float[] g = new float[v.length];
        for (int j = 0; j < fgFrames; j++) {
            float[] src = keep[Math.min(bgFrames - 1, j + offset)];
            for (int k = 0; k < g.length; k++) {
                g[k] = 0.8f * src[k] + 20 + 2f * (float) rnd.nextGaussian();
            }
            fg.add(new Plane(32, 32, g));
        }
        return new DescriptorSequence[] {fg.build(), bg.build()};
    }

    @Benchmark
    public int describe() {
        builder.add(thumbs[next++ & 63]);
        if (builder.size() >= 100_000) {
            builder = DescriptorSequence.builder(DescriptorSpec.standard());
        }
        return builder.size();
    }

    @Benchmark
    public TemporalAlignment fullLattice() {
        return aligner.align(fgSmall, bgSmall, TemporalOptions.of(25, 25).withCoarseCellBudget(100_000_000L));
    }

    @Benchmark
    public TemporalAlignment tenMinutePair() {
        return aligner.align(fgLong, bgLong, TemporalOptions.of(60, 60));
    }
}
