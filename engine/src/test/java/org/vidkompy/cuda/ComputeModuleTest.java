package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.multibindings.OptionalBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.image.Plane;
import org.vidkompy.spatial.Correlator;
import org.vidkompy.spatial.CpuCorrelator;
import org.vidkompy.temporal.Band;
import org.vidkompy.temporal.BandCostKernel;
import org.vidkompy.temporal.CpuCostKernel;
import org.vidkompy.temporal.DescriptorSequence;
import org.vidkompy.temporal.TestBands;

/**
 * The Guice side of the selection: nothing is probed while wiring, the choice is made at most once per
 * injector, and in auto mode a failing GPU falls back to the CPU once, without double visits.
 */
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
    void wiringAndProvidersProbeNothing() {
        Injector inj = injector(GpuMode.AUTO);
        inj.getProvider(PairAnalysis.class);
        inj.getProvider(Correlator.class);
        verify(probe, never()).probe();
        assertEquals(List.of(), lines);
    }

    @Test
    void offBindsTheCpuReferencesAndNeverProbes() {
        Injector inj = injector(GpuMode.OFF);
        assertInstanceOf(CpuCorrelator.class, inj.getInstance(Correlator.class));
        assertInstanceOf(CpuCostKernel.class, inj.getInstance(BandCostKernel.class));
        inj.getInstance(PairAnalysis.class);
        verify(probe, never()).probe();
        verify(factory, never()).open(any());
        assertEquals(List.of("analysis on CPU: --gpu off"), lines);
    }

    @Test
    void autoWithoutADeviceRunsTheCpuReferenceProbedOnceAndSaysSoOnce() {
        when(probe.probe()).thenReturn(ComputeSelectorTest.NO_DRIVER);
        Injector inj = injector(GpuMode.AUTO);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(CpuCorrelator.class, inj.getInstance(Correlator.class));
            assertInstanceOf(CpuCostKernel.class, inj.getInstance(BandCostKernel.class));
            inj.getInstance(PairAnalysis.class);
        }
        verify(probe, times(1)).probe();
        assertEquals(List.of("analysis on CPU: no CUDA driver (libcuda.so.1 not found)"), lines);
    }

    @Test
    void onWithoutADeviceFailsWithTheReasonWhenTheAnalysisIsProvided() {
        when(probe.probe()).thenReturn(ComputeSelectorTest.NO_DRIVER);
        Injector inj = injector(GpuMode.ON);
        ProvisionException e = assertThrows(ProvisionException.class, () -> inj.getInstance(PairAnalysis.class));
        GpuUnavailableException gpu = assertInstanceOf(GpuUnavailableException.class, e.getCause());
        assertEquals("--gpu on, but CUDA cannot be used: no CUDA driver (libcuda.so.1 not found)", gpu.getMessage());
    }

    @Test
    void autoWithAGpuWhoseRuntimeFailsFallsBackOnceForTheRestOfTheRun() {
        CudaRuntime broken = mock(CudaRuntime.class);
        when(broken.enter()).thenThrow(new CudaException("cuCtxPushCurrent: CUDA_ERROR_LAUNCH_FAILED"));
        when(probe.probe()).thenReturn(ComputeSelectorTest.H100);
        when(factory.open(ComputeSelectorTest.H100)).thenReturn(broken);
        Injector inj = injector(GpuMode.AUTO);
        Correlator c = inj.getInstance(Correlator.class);
        BandCostKernel k = inj.getInstance(BandCostKernel.class);
        Scenes s = new Scenes();
        assertEquals(s.surfaces(new CpuCorrelator()), s.surfaces(c));
        float[] want = new float[s.band.cells()];
        new CpuCostKernel().fill(s.fg, s.bg, s.band, 0, s.band.rows(), want);
        float[] got = new float[s.band.cells()];
        k.fill(s.fg, s.bg, s.band, 0, s.band.rows(), got);
        assertArrayEquals(want, got);
        assertEquals(s.surfaces(new CpuCorrelator()), s.surfaces(inj.getInstance(Correlator.class)));
        verify(broken, times(1)).enter(); // after the first failure neither twin touches the GPU again
        verify(probe, times(1)).probe();
        assertEquals(List.of("analysis on GPU: NVIDIA H100, driver 13.0",
                "analysis on CPU from here on: CUDA failed (cuCtxPushCurrent: CUDA_ERROR_LAUNCH_FAILED)"), lines);
    }

    @Test
    void aGpuFailureMidCallIsFinishedOnTheCpuWithoutVisitingAPairTwice() {
        CpuCorrelator cpu = new CpuCorrelator();
        // A "GPU" that delivers the first pair correctly, then dies.
        Correlator dying = (templates, images, visitor) -> {
            cpu.correlate(templates.subList(0, 1), images.subList(0, 1), visitor);
            throw new CudaException("cuLaunchKernel(zncc_normalize): CUDA_ERROR_LAUNCH_FAILED");
        };
        CpuFallback fallback = new CpuFallback(lines::add);
        Scenes s = new Scenes();
        Map<String, String> got = s.surfaces(new FallbackCorrelator(dying, cpu, fallback));
        assertEquals(s.surfaces(cpu), got);
        assertTrue(fallback.tripped());
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("analysis on CPU from here on: CUDA failed (cuLaunchKernel"), lines.get(0));
    }

    @Test
    void aGpuFailureInACostFillIsRefilledOnTheCpu() {
        BandCostKernel dying = (fg, bg, band, from, to, out) -> {
            java.util.Arrays.fill(out, 42f);
            throw new CudaException("cuMemcpyDtoH: CUDA_ERROR_ILLEGAL_ADDRESS");
        };
        CpuFallback fallback = new CpuFallback(lines::add);
        Scenes s = new Scenes();
        float[] want = new float[s.band.cells()];
        new CpuCostKernel().fill(s.fg, s.bg, s.band, 0, s.band.rows(), want);
        float[] got = new float[s.band.cells()];
        new FallbackCostKernel(dying, new CpuCostKernel(), fallback).fill(s.fg, s.bg, s.band, 0, s.band.rows(), got);
        assertArrayEquals(want, got);
        assertTrue(fallback.tripped());
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
