package org.vidkompy.cuda;

/**
 * The decision itself, free of Guice: {@code off} is the CPU; otherwise the probe must find a usable
 * device and the runtime must open (NVRTC compiles the kernels, the driver loads them). {@code auto}
 * takes the CPU when either fails and says why; {@code on} fails with {@link GpuUnavailableException}.
 */
final class ComputeSelector {

    private final CudaProbe probe;
    private final CudaRuntimeFactory factory;

    ComputeSelector(CudaProbe probe, CudaRuntimeFactory factory) {
        this.probe = probe;
        this.factory = factory;
    }

    ComputePath select(GpuMode mode, ComputeReport report) {
        if (mode == GpuMode.OFF) {
            return cpu(mode, "--gpu off", report);
        }
        CudaStatus status = probe.probe();
        if (!status.usable()) {
            return unavailable(mode, status.reason(), null, report);
        }
        CudaRuntime rt;
        try {
            rt = factory.open(status);
        } catch (CudaException | LinkageError | IllegalStateException e) {
            return unavailable(mode, "CUDA setup failed on " + status.deviceName() + " (" + e.getMessage() + ")", e, report);
        }
        return new ComputePath(mode, rt, "analysis on GPU: " + status.describe(), report);
    }

    private static ComputePath unavailable(GpuMode mode, String reason, Throwable cause, ComputeReport report) {
        if (mode == GpuMode.ON) {
            throw new GpuUnavailableException("--gpu on, but CUDA cannot be used: " + reason, cause);
        }
        return cpu(mode, reason, report);
    }

    private static ComputePath cpu(GpuMode mode, String reason, ComputeReport report) {
        return new ComputePath(mode, null, "analysis on CPU: " + reason, report);
    }
}
