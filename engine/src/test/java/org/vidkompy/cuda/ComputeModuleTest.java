package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.image.Plane;
import org.vidkompy.spatial.Correlator;
import org.vidkompy.spatial.CpuCorrelator;
import org.vidkompy.temporal.Band;
import org.vidkompy.temporal.BandCostKernel;
import org.vidkompy.temporal.CpuCostKernel;
import org.vidkompy.temporal.DescriptorSequence;
import org.vidkompy.temporal.TestBands;

/** The Guice side of the selection: lazy, made once, reported once, and falling back without double visits. */
class ComputeModuleTest {

    private final CudaProbe probe = mock(CudaProbe.class);
    private final CudaRuntimeFactory factory = mock(CudaRuntimeFactory.class);
    private final List<String> lines = new ArrayList<>();

    private Injector injector(GpuMode mode) {
        return Guice.createInjector(new EngineModule(mode), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), CudaProbe.class).setBinding().toInstance(probe);
                OptionalBinder.newOptionalBinder(binder(), CudaRuntimeFactory.class).setBinding().toInstance(factory);
                OptionalBinder.newOptionalBinder(binder(), ComputeReport.class).setBinding().toInstance(lines::add);
            }
        });
    }

    @Test
    void autoWithoutADeviceRunsTheCpuReferenceAndSaysSoOnce() {
        when(probe.probe()).thenReturn(ComputeSelectorTest.NO_DRIVER);
        Injector inj = injector(GpuMode.AUTO);
        Correlator c = inj.getInstance(Correlator.class);
        BandCostKernel k = inj.getInstance(BandCostKernel.class);
        verify(probe, never()).probe(); // nothing is decided while the engine is wired
        Scenes s = new Scenes();
        assertEquals(s.surfaces(new CpuCorrelator()), s.surfaces(c));
        k.fill(s.fg, s.bg, s.band, 0, s.band.rows(), new float[s.band.cells()]);
        verify(probe, times(1)).probe();
        assertEquals(List.of("analysis on CPU: no CUDA driver (libcuda.so.1 not found)"), lines);
    }

    @Test
    void theFaceSetsTheModeAfterWiring() {
        Injector inj = injector(GpuMode.AUTO);
        Correlator c = inj.getInstance(Correlator.class);
        inj.getInstance(ComputeSelection.class).choose(GpuMode.OFF);
        new Scenes().surfaces(c);
        verify(probe, never()).probe();
        assertEquals(List.of("analysis on CPU: --gpu off"), lines);
    }

    @Test
    void autoWithADeviceChoosesTheGpu() {
        when(probe.probe()).thenReturn(ComputeSelectorTest.H100);
        when(factory.open(ComputeSelectorTest.H100)).thenReturn(mock(CudaRuntime.class));
        ComputePath p = injector(GpuMode.AUTO).getInstance(ComputeSelection.class).resolve();
        assertTrue(p.onGpu());
        assertEquals(List.of("analysis on GPU: NVIDIA H100, driver 13.0"), lines);
    }

    @Test
    void onWithoutADeviceFailsWithTheReasonNotAGuiceError() {
        when(probe.probe()).thenReturn(ComputeSelectorTest.NO_DRIVER);
        Correlator c = injector(GpuMode.ON).getInstance(Correlator.class);
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class, () -> new Scenes().surfaces(c));
        assertTrue(e.getMessage().contains("libcuda.so.1 not found"), e.getMessage());
    }

    @Test
    void aGpuFailureMidCallIsFinishedOnTheCpuWithoutVisitingAPairTwice() {
        ComputePath path = new ComputePath(GpuMode.AUTO, mock(CudaRuntime.class), "analysis on GPU: x", lines::add);
        ComputeSelection sel = new ComputeSelection(new GpuSetting(GpuMode.AUTO), () -> path);
        CpuCorrelator cpu = new CpuCorrelator();
        // A "GPU" that delivers the first pair correctly, then dies.
        Correlator dying = (templates, images, visitor) -> {
            cpu.correlate(templates.subList(0, 1), images.subList(0, 1), visitor);
            throw new CudaException("cuLaunchKernel(zncc_normalize): CUDA_ERROR_LAUNCH_FAILED");
        };
        Scenes s = new Scenes();
        Map<String, String> got = s.surfaces(new SelectedCorrelator(sel, cpu, rt -> dying));
        assertEquals(s.surfaces(cpu), got);
        assertFalse(path.onGpu());
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("analysis on CPU from here on: CUDA failed (cuLaunchKernel"), lines.get(0));
    }

    @Test
    void aGpuFailureInACostFillIsRefilledOnTheCpu() {
        ComputePath path = new ComputePath(GpuMode.AUTO, mock(CudaRuntime.class), "analysis on GPU: x", lines::add);
        ComputeSelection sel = new ComputeSelection(new GpuSetting(GpuMode.AUTO), () -> path);
        BandCostKernel dying = (fg, bg, band, from, to, out) -> {
            java.util.Arrays.fill(out, 42f);
            throw new CudaException("cuMemcpyDtoH: CUDA_ERROR_ILLEGAL_ADDRESS");
        };
        Scenes s = new Scenes();
        float[] want = new float[s.band.cells()];
        new CpuCostKernel().fill(s.fg, s.bg, s.band, 0, s.band.rows(), want);
        float[] got = new float[s.band.cells()];
        new SelectedCostKernel(sel, new CpuCostKernel(), rt -> dying).fill(s.fg, s.bg, s.band, 0, s.band.rows(), got);
        assertArrayEquals(want, got);
        assertFalse(path.onGpu());
    }

    @Test
    void engineBindingsAreTheSelectingOnes() {
        Injector inj = injector(GpuMode.AUTO);
        assertInstanceOf(SelectedCorrelator.class, inj.getInstance(Correlator.class));
        assertInstanceOf(SelectedCostKernel.class, inj.getInstance(BandCostKernel.class));
    }

    /** Small inputs for both interfaces. */
    static final class Scenes {
        final List<Plane> templates = new ArrayList<>();
        final List<Plane> images = new ArrayList<>();
        final DescriptorSequence fg = TestBands.random(40, 1, 7);
        final DescriptorSequence bg = TestBands.random(60, 2, 9);
        final Band band;

        Scenes() {
            Random rnd = new Random(5);
            for (int i = 0; i < 3; i++) {
                images.add(noise(rnd, 40, 30));
            }
            templates.add(noise(rnd, 12, 10));
            templates.add(noise(rnd, 9, 9));
            int[] lo = new int[40];
            int[] hi = new int[40];
            for (int i = 0; i < 40; i++) {
                lo[i] = i - 5;
                hi[i] = i + 30;
            }
            band = TestBands.of(lo, hi);
        }

        private static Plane noise(Random rnd, int w, int h) {
            Plane p = Plane.allocate(w, h);
            for (int k = 0; k < w * h; k++) {
                p.data()[k] = rnd.nextFloat() * 255;
            }
            return p;
        }

        /** Every surface, as text for exact comparison, by "template/image"; fails on a pair visited twice. */
        Map<String, String> surfaces(Correlator c) {
            Map<String, String> out = new HashMap<>();
            c.correlate(templates, images, (t, i, s) -> {
                String prev = out.put(t + "/" + i, java.util.Arrays.toString(s.values()));
                if (prev != null) {
                    throw new AssertionError("pair " + t + "/" + i + " visited twice");
                }
            });
            return out;
        }
    }
}
