package org.vidkompy.cuda;

/**
 * The switch the two fallback decorators of one run share ({@code --gpu auto}): the first CUDA error,
 * in either, moves both to the CPU for the rest of the run and is reported in one line. Shared, so a
 * GPU that failed in the correlation is not tried again for the band costs.
 */
final class CpuFallback {

    private final ComputeReport report;
    private volatile boolean tripped;

    CpuFallback(ComputeReport report) {
        this.report = report;
    }

    boolean tripped() {
        return tripped;
    }

    /** Called by a decorator that caught {@code e}; only the first call is reported. */
    synchronized void trip(CudaException e) {
        if (!tripped) {
            tripped = true;
            report.line("analysis on CPU from here on: CUDA failed (" + e.getMessage() + ")");
        }
    }
}
