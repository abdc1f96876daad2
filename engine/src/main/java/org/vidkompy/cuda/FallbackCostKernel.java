package org.vidkompy.cuda;

import org.vidkompy.temporal.Band;
import org.vidkompy.temporal.BandCostKernel;
import org.vidkompy.temporal.DescriptorSequence;

/**
 * {@code --gpu auto}'s band cost kernel: the CUDA twin until it fails, then the CPU. A fill the GPU
 * failed in is redone on the CPU (a fill overwrites all its cells, so nothing half-written survives).
 */
final class FallbackCostKernel implements BandCostKernel {

    private final BandCostKernel gpu;
    private final BandCostKernel cpu;
    private final CpuFallback fallback;

    FallbackCostKernel(BandCostKernel gpu, BandCostKernel cpu, CpuFallback fallback) {
        this.gpu = gpu;
        this.cpu = cpu;
        this.fallback = fallback;
    }

    @Override
    public void fill(DescriptorSequence fg, DescriptorSequence bg, Band band, int rowFrom, int rowTo, float[] out) {
        if (!fallback.tripped()) {
            try {
                gpu.fill(fg, bg, band, rowFrom, rowTo, out);
                return;
            } catch (CudaException e) {
                fallback.trip(e);
            }
        }
        cpu.fill(fg, bg, band, rowFrom, rowTo, out);
    }
}
