package org.vidkompy.cuda;

/**
 * The decision itself, free of Guice, made once per injector: {@code off} is the CPU, never probed;
 * otherwise the probe must find a usable device and the runtime must open (NVRTC compiles the kernels,
 * the driver loads them). {@code on} then runs the CUDA twins as they are, or fails with
 * {@link GpuUnavailableException}; {@code auto} runs them behind their CPU fallbacks, or the CPU. Every
 * outcome is one line on the {@link ComputeReport}.
 */
final class ComputeSelector {

    private final CudaProbe probe;
    private final CudaRuntimeFactory factory;
    private final ComputeReport report;

    ComputeSelector(CudaProbe probe, CudaRuntimeFactory factory, ComputeReport report) {
        this.probe = probe;
        this.factory = factory;
        this.report = report;
    }

    ComputePath select(GpuMode mode, ComputePath cpu) {
        if (mode == GpuMode.OFF) {
            report.line("analysis on CPU: --gpu off");
            return cpu;
        }
        CudaStatus status = probe.probe();
        if (!status.usable()) {
            return unavailable(mode, status.reason(), null, cpu);
        }
        CudaRuntime rt;
        try {
            rt = factory.open(status);
        } catch (CudaException | LinkageError | IllegalStateException e) {
            return unavailable(mode, "CUDA setup failed on " + status.deviceName() + " (" + e.getMessage() + ")", e, cpu);
        }
        report.line("analysis on GPU: " + status.describe());
        ComputePath gpu = new ComputePath(new CudaCorrelator(rt), new CudaCostKernel(rt));
        return mode == GpuMode.ON ? gpu : withFallback(gpu, cpu);
    }

    private ComputePath withFallback(ComputePath gpu, ComputePath cpu) {
        CpuFallback fallback = new CpuFallback(report);
        return new ComputePath(new FallbackCorrelator(gpu.correlator(), cpu.correlator(), fallback),
                new FallbackCostKernel(gpu.costKernel(), cpu.costKernel(), fallback));
    }

    private ComputePath unavailable(GpuMode mode, String reason, Throwable cause, ComputePath cpu) {
        if (mode == GpuMode.ON) {
            throw new GpuUnavailableException("--gpu on, but CUDA cannot be used: " + reason, cause);
        }
        report.line("analysis on CPU: " + reason);
        return cpu;
    }
}
