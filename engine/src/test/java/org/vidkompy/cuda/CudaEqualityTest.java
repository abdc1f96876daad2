package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.image.Plane;
import org.vidkompy.spatial.CpuCorrelator;
import org.vidkompy.spatial.SpatialAligner;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.spatial.SpatialOptions;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;
import org.vidkompy.temporal.Band;
import org.vidkompy.temporal.CpuCostKernel;
import org.vidkompy.temporal.DescriptorSequence;
import org.vidkompy.temporal.DescriptorSpec;
import org.vidkompy.temporal.TemporalAligner;
import org.vidkompy.temporal.TemporalAlignment;
import org.vidkompy.temporal.TemporalOptions;
import org.vidkompy.temporal.TestBands;

/**
 * GPU against CPU on the same inputs: surfaces within 1e-5, placements within 0.1 px, temporal costs
 * bit-identical and maps identical. Needs a usable CUDA GPU; without one every test is skipped and
 * the reason is printed (and shown by JUnit as the skip reason).
 */
class CudaEqualityTest {

    private static CudaStatus status;
    private static CudaRuntime rt;

    @TempDir
    static Path ptxDir;

    @BeforeAll
    static void open() {
        status = new DriverCudaProbe().probe();
        if (!status.usable()) {
            System.err.println("CudaEqualityTest skipped: no usable CUDA GPU: " + status.reason());
            return;
        }
        rt = CudaRuntime.open(status, new PtxCache(ptxDir, new NvrtcCompiler(), System.err::println));
        System.err.println("CudaEqualityTest on " + status.describe());
    }

    @AfterAll
    static void close() {
        if (rt != null) {
            rt.close();
        }
    }

    private static void requireGpu() {
        Assumptions.assumeTrue(status.usable(), () -> "no usable CUDA GPU: " + status.reason());
    }

    @Test
    void surfacesAgreeWithTheCpuReference() {
        requireGpu();
        Random rnd = new Random(3);
        Scene scene = new Scene(11, 320, 180);
        List<Plane> images = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            images.add(render(scene, f * 7, Viewport.full(320, 180)));
        }
        images.add(Plane.allocate(320, 180)); // flat: every window reads 0
        List<Plane> templates = new ArrayList<>();
        templates.add(render(scene, 7, new Viewport(40.5, 30.25, 1, 64, 48)));
        templates.add(render(scene, 14, new Viewport(100, 50, 2, 31, 17)));
        Plane odd = Plane.allocate(5, 9);
        for (int k = 0; k < 45; k++) {
            odd.data()[k] = rnd.nextFloat() * 255;
        }
        templates.add(odd);
        float[][] cpu = new float[templates.size() * images.size()][];
        new CpuCorrelator().correlate(templates, images, (t, i, s) -> cpu[t * images.size() + i] = s.values().clone());
        int[] seen = new int[cpu.length];
        new CudaCorrelator(rt).correlate(templates, images, (t, i, s) -> {
            float[] want = cpu[t * images.size() + i];
            seen[t * images.size() + i]++;
            for (int k = 0; k < s.width() * s.height(); k++) {
                assertEquals(want[k], s.values()[k], 1e-5, "template " + t + " image " + i + " cell " + k);
            }
        });
        for (int n : seen) {
            assertEquals(1, n, "every pair exactly once");
        }
    }

    @Test
    void placementsAgreeWithinATenthOfAPixel() throws Exception {
        requireGpu();
        Scene scene = new Scene(1, 320, 180);
        List<Plane> fg = new ArrayList<>();
        List<Plane> bg = new ArrayList<>();
        for (int f : new int[] {5, 25, 45, 65}) {
            fg.add(render(scene, f, new Viewport(37.3, 21.8, 1, 160, 90)));
            bg.add(render(scene, f, Viewport.full(320, 180)));
        }
        for (SpatialOptions o : new SpatialOptions[] {SpatialOptions.defaults(), SpatialOptions.defaults().withUnscaled(false)}) {
            SpatialAlignment c = new SpatialAligner(new CpuCorrelator()).locate(fg, bg, o);
            SpatialAlignment g = new SpatialAligner(new CudaCorrelator(rt)).locate(fg, bg, o);
            System.out.printf("cpu %s%ngpu %s%n", c, g);
            assertEquals(c.x(), g.x(), 0.1);
            assertEquals(c.y(), g.y(), 0.1);
            assertEquals(c.scale(), g.scale(), 1e-3);
        }
    }

    @Test
    void bandCostsAreBitIdentical() {
        requireGpu();
        DescriptorSequence fg = TestBands.random(700, 1, 13);
        DescriptorSequence bg = TestBands.random(900, 2, 17);
        int[] lo = new int[700];
        int[] hi = new int[700];
        for (int i = 0; i < 700; i++) {
            lo[i] = i - 60 + (i % 5); // reaches virtual columns before the bg start
            hi[i] = i + 250 + (i % 3); // and after its end
        }
        Band band = TestBands.of(lo, hi);
        for (int[] rows : new int[][] {{0, 700}, {0, 256}, {256, 512}, {699, 700}}) {
            int cells = band.offset(rows[1]) - band.offset(rows[0]);
            float[] want = new float[cells];
            float[] got = new float[cells];
            new CpuCostKernel().fill(fg, bg, band, rows[0], rows[1], want);
            new CudaCostKernel(rt).fill(fg, bg, band, rows[0], rows[1], got);
            for (int k = 0; k < cells; k++) {
                assertEquals(Float.floatToIntBits(want[k]), Float.floatToIntBits(got[k]),
                        "rows " + rows[0] + ".." + rows[1] + " cell " + k + ": " + want[k] + " vs " + got[k]);
            }
        }
    }

    @Test
    void temporalMapsAreIdentical() {
        requireGpu();
        Scene scene = new Scene(7, 256, 144);
        int t = DescriptorSpec.THUMB_WIDTH;
        Viewport under = new Viewport(80, 24, 3.0, t, t);
        Viewport fgView = new Viewport(80.1, 23.95, 3.0 * 1.001, t, t);
        DescriptorSequence.Builder b = DescriptorSequence.builder(DescriptorSpec.standard());
        DescriptorSequence.Builder f = DescriptorSequence.builder(DescriptorSpec.standard());
        for (int i = 0; i < 600; i++) {
            b.add(render(scene, i, under));
        }
        for (int j = 0; j < 400; j++) {
            f.add(render(scene, 50 + j * 5 / 4, fgView)); // other start, other rate
        }
        DescriptorSequence bgSeq = b.build();
        DescriptorSequence fgSeq = f.build();
        // Whole lattice, and a forced coarse-to-fine pyramid (pooled levels, projected bands).
        for (long budget : new long[] {TemporalOptions.DEFAULT_COARSE_CELL_BUDGET, 30_000}) {
            TemporalOptions o = TemporalOptions.of(25, 31.25).withCoarseCellBudget(budget);
            TemporalAlignment c = new TemporalAligner(new CpuCostKernel()).align(fgSeq, bgSeq, o);
            TemporalAlignment g = new TemporalAligner(new CudaCostKernel(rt)).align(fgSeq, bgSeq, o);
            assertArrayEquals(c.map(), g.map(), "budget " + budget);
            assertArrayEquals(c.frameConfidence(), g.frameConfidence(), "budget " + budget);
            assertTrue(c.confidence() == g.confidence(), c.confidence() + " vs " + g.confidence());
        }
    }

    private static Plane render(Scene scene, int frame, Viewport vp) {
        Plane p = Plane.allocate(vp.width(), vp.height());
        scene.renderGray(frame, vp, p.data());
        return p;
    }
}
