package org.vidkompy.cuda;

/**
 * Where analysis runs, decided once per injector: the GPU (with its opened {@link CudaRuntime}) or the
 * CPU, and the one line that says so. In auto mode a CUDA error during the analysis moves everything
 * to the CPU for good (reported once); with {@code --gpu on} it is the analysis's error.
 */
public final class ComputePath {

    private final GpuMode mode;
    private final CudaRuntime runtime;
    private final String line;
    private final ComputeReport report;
    private volatile boolean failed;

    ComputePath(GpuMode mode, CudaRuntime runtime, String line, ComputeReport report) {
        this.mode = mode;
        this.runtime = runtime;
        this.line = line;
        this.report = report;
    }

    public boolean onGpu() {
        return runtime != null && !failed;
    }

    public GpuMode mode() {
        return mode;
    }

    /** The line that was reported: "analysis on GPU: NVIDIA H100, driver 13.0" or "analysis on CPU: why". */
    public String line() {
        return line;
    }

    CudaRuntime runtime() {
        return runtime;
    }

    /** A CUDA call failed mid-analysis: rethrown with {@code --gpu on}, else the CPU takes over. */
    void failed(CudaException e) {
        if (mode == GpuMode.ON) {
            throw e;
        }
        synchronized (this) {
            if (!failed) {
                failed = true;
                report.line("analysis on CPU from here on: CUDA failed (" + e.getMessage() + ")");
            }
        }
    }
}
