package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The decision table of --gpu against what the (mocked) probe and runtime factory say. */
class ComputeSelectorTest {

    static final CudaStatus H100 = CudaStatus.usable("NVIDIA H100", 13000, 9, 0, 80L << 30);
    static final CudaStatus NO_DRIVER = CudaStatus.unusable("no CUDA driver (libcuda.so.1 not found)");

    private final CudaProbe probe = mock(CudaProbe.class);
    private final CudaRuntimeFactory factory = mock(CudaRuntimeFactory.class);
    private final List<String> lines = new ArrayList<>();
    private final ComputeSelector selector = new ComputeSelector(probe, factory);

    @Test
    void autoTakesTheCpuWhenTheProbeFindsNoDevice() {
        when(probe.probe()).thenReturn(NO_DRIVER);
        ComputePath p = selector.select(GpuMode.AUTO, lines::add);
        assertFalse(p.onGpu());
        assertEquals("analysis on CPU: no CUDA driver (libcuda.so.1 not found)", p.line());
        verify(factory, never()).open(any());
    }

    @Test
    void autoTakesTheGpuWhenTheProbeFindsOne() {
        CudaRuntime rt = mock(CudaRuntime.class);
        when(probe.probe()).thenReturn(H100);
        when(factory.open(H100)).thenReturn(rt);
        ComputePath p = selector.select(GpuMode.AUTO, lines::add);
        assertTrue(p.onGpu());
        assertSame(rt, p.runtime());
        assertEquals("analysis on GPU: NVIDIA H100, driver 13.0", p.line());
    }

    @Test
    void autoTakesTheCpuWhenTheKernelsCannotBeLoaded() {
        when(probe.probe()).thenReturn(H100);
        when(factory.open(H100)).thenThrow(new CudaException("cuModuleLoadData(zncc.cu): CUDA_ERROR_UNSUPPORTED_PTX_VERSION"));
        ComputePath p = selector.select(GpuMode.AUTO, lines::add);
        assertFalse(p.onGpu());
        assertTrue(p.line().startsWith("analysis on CPU: CUDA setup failed on NVIDIA H100 (cuModuleLoadData"), p.line());
    }

    @Test
    void onWithoutADeviceIsAClearError() {
        when(probe.probe()).thenReturn(NO_DRIVER);
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class,
                () -> selector.select(GpuMode.ON, lines::add));
        assertEquals("--gpu on, but CUDA cannot be used: no CUDA driver (libcuda.so.1 not found)", e.getMessage());
    }

    @Test
    void onWithBrokenKernelsIsAClearError() {
        when(probe.probe()).thenReturn(H100);
        when(factory.open(H100)).thenThrow(new CudaException("NVRTC could not compile band_cost.cu"));
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class,
                () -> selector.select(GpuMode.ON, lines::add));
        assertTrue(e.getMessage().contains("NVRTC could not compile band_cost.cu"), e.getMessage());
    }

    @Test
    void offNeverAsksTheProbe() {
        ComputePath p = selector.select(GpuMode.OFF, lines::add);
        assertFalse(p.onGpu());
        assertEquals("analysis on CPU: --gpu off", p.line());
        verify(probe, never()).probe();
    }

    @Test
    void aCudaErrorMidAnalysisFallsBackOnceInAutoAndIsFatalWithOn() {
        CudaRuntime rt = mock(CudaRuntime.class);
        ComputePath auto = new ComputePath(GpuMode.AUTO, rt, "analysis on GPU: x", lines::add);
        auto.failed(new CudaException("cuMemAlloc(1 bytes): CUDA_ERROR_OUT_OF_MEMORY"));
        auto.failed(new CudaException("again"));
        assertFalse(auto.onGpu());
        assertEquals(List.of("analysis on CPU from here on: CUDA failed (cuMemAlloc(1 bytes): CUDA_ERROR_OUT_OF_MEMORY)"),
                lines);
        ComputePath on = new ComputePath(GpuMode.ON, rt, "analysis on GPU: x", lines::add);
        assertThrows(CudaException.class, () -> on.failed(new CudaException("boom")));
        assertTrue(on.onGpu());
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
