package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidkompy.spatial.CpuCorrelator;
import org.vidkompy.temporal.CpuCostKernel;

/** The decision table of --gpu against what the (mocked) probe and runtime factory say. */
class ComputeSelectorTest {

    static final CudaStatus H100 = CudaStatus.usable("NVIDIA H100", 13000, 9, 0, 80L << 30);
    static final CudaStatus NO_DRIVER = CudaStatus.unusable("no CUDA driver (libcuda.so.1 not found)");

    private final CudaProbe probe = mock(CudaProbe.class);
    private final CudaRuntimeFactory factory = mock(CudaRuntimeFactory.class);
    private final List<String> lines = new ArrayList<>();
    private final ComputeSelector selector = new ComputeSelector(probe, factory, lines::add);
    private final ComputePath cpu = new ComputePath(new CpuCorrelator(), new CpuCostKernel());

    @Test
    void autoTakesTheCpuWhenTheProbeFindsNoDevice() {
        when(probe.probe()).thenReturn(NO_DRIVER);
        assertSame(cpu, selector.select(GpuMode.AUTO, cpu));
        assertEquals(List.of("analysis on CPU: no CUDA driver (libcuda.so.1 not found)"), lines);
        verify(factory, never()).open(any());
    }

    @Test
    void autoTakesTheCudaTwinsBehindOneFallbackEach() {
        when(probe.probe()).thenReturn(H100);
        when(factory.open(H100)).thenReturn(mock(CudaRuntime.class));
        ComputePath p = selector.select(GpuMode.AUTO, cpu);
        assertInstanceOf(FallbackCorrelator.class, p.correlator());
        assertInstanceOf(FallbackCostKernel.class, p.costKernel());
        assertEquals(List.of("analysis on GPU: NVIDIA H100, driver 13.0"), lines);
    }

    @Test
    void onTakesTheCudaTwinsAsTheyAre() {
        when(probe.probe()).thenReturn(H100);
        when(factory.open(H100)).thenReturn(mock(CudaRuntime.class));
        ComputePath p = selector.select(GpuMode.ON, cpu);
        assertInstanceOf(CudaCorrelator.class, p.correlator());
        assertInstanceOf(CudaCostKernel.class, p.costKernel());
    }

    @Test
    void autoTakesTheCpuWhenTheKernelsCannotBeLoaded() {
        when(probe.probe()).thenReturn(H100);
        when(factory.open(H100)).thenThrow(new CudaException("cuModuleLoadData(zncc.cu): CUDA_ERROR_UNSUPPORTED_PTX_VERSION"));
        assertSame(cpu, selector.select(GpuMode.AUTO, cpu));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("analysis on CPU: CUDA setup failed on NVIDIA H100 (cuModuleLoadData"),
                lines.get(0));
    }

    @Test
    void onWithoutADeviceIsAClearError() {
        when(probe.probe()).thenReturn(NO_DRIVER);
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class, () -> selector.select(GpuMode.ON, cpu));
        assertEquals("--gpu on, but CUDA cannot be used: no CUDA driver (libcuda.so.1 not found)", e.getMessage());
    }

    @Test
    void onWithBrokenKernelsIsAClearError() {
        when(probe.probe()).thenReturn(H100);
        when(factory.open(H100)).thenThrow(new CudaException("NVRTC could not compile band_cost.cu"));
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class, () -> selector.select(GpuMode.ON, cpu));
        assertTrue(e.getMessage().contains("NVRTC could not compile band_cost.cu"), e.getMessage());
    }

    @Test
    void offNeverAsksTheProbe() {
        assertSame(cpu, selector.select(GpuMode.OFF, cpu));
        assertEquals(List.of("analysis on CPU: --gpu off"), lines);
        verify(probe, never()).probe();
        verify(factory, never()).open(any());
    }

    @Test
    void modesParseCaseInsensitively() {
        assertEquals(GpuMode.AUTO, GpuMode.parse("auto"));
        assertEquals(GpuMode.ON, GpuMode.parse("ON"));
        assertEquals(GpuMode.OFF, GpuMode.parse(" off "));
        assertThrows(IllegalArgumentException.class, () -> GpuMode.parse("yes"));
        assertThrows(IllegalArgumentException.class, () -> GpuMode.parse(null));
    }
}
