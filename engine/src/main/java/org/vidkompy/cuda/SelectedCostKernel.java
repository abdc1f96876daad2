package org.vidkompy.cuda;

import java.util.function.Function;
import org.vidkompy.temporal.Band;
import org.vidkompy.temporal.BandCostKernel;
import org.vidkompy.temporal.DescriptorSequence;

/**
 * The {@link BandCostKernel} the engine gets: the chosen implementation, asked for at the first fill.
 * A GPU failure in auto mode refills the same rows on the CPU (a fill overwrites all its cells).
 */
final class SelectedCostKernel implements BandCostKernel {

    private final ComputeSelection selection;
    private final BandCostKernel cpu;
    private final Function<CudaRuntime, BandCostKernel> gpuFactory;
    private volatile BandCostKernel gpu;

    SelectedCostKernel(ComputeSelection selection, BandCostKernel cpu) {
        this(selection, cpu, CudaCostKernel::new);
    }

    /** With another GPU implementation: tests use one that fails on purpose. */
    SelectedCostKernel(ComputeSelection selection, BandCostKernel cpu, Function<CudaRuntime, BandCostKernel> gpuFactory) {
        this.selection = selection;
        this.cpu = cpu;
        this.gpuFactory = gpuFactory;
    }

    @Override
    public void fill(DescriptorSequence fg, DescriptorSequence bg, Band band, int rowFrom, int rowTo, float[] out) {
        ComputePath path = selection.resolve();
        if (path.onGpu()) {
            try {
                gpu(path).fill(fg, bg, band, rowFrom, rowTo, out);
                return;
            } catch (CudaException e) {
                path.failed(e);
            }
        }
        cpu.fill(fg, bg, band, rowFrom, rowTo, out);
    }

    private BandCostKernel gpu(ComputePath path) {
        BandCostKernel g = gpu;
        if (g == null) {
            g = gpuFactory.apply(path.runtime());
            gpu = g;
        }
        return g;
    }
}
