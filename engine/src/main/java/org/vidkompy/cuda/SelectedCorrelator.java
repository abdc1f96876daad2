package org.vidkompy.cuda;

import java.util.function.Function;
import java.util.BitSet;
import java.util.List;
import org.vidkompy.image.Plane;
import org.vidkompy.spatial.Correlator;

/**
 * The {@link Correlator} the engine gets: the chosen implementation, asked for at the first call (the
 * choice waits for the face's options). When the GPU fails in auto mode, the CPU finishes the call,
 * delivering only the pairs the GPU had not delivered yet, so no visitor sees a pair twice.
 */
final class SelectedCorrelator implements Correlator {

    private final ComputeSelection selection;
    private final Correlator cpu;
    private final Function<CudaRuntime, Correlator> gpuFactory;
    private volatile Correlator gpu;

    SelectedCorrelator(ComputeSelection selection, Correlator cpu) {
        this(selection, cpu, CudaCorrelator::new);
    }

    /** With another GPU implementation: tests use one that fails on purpose. */
    SelectedCorrelator(ComputeSelection selection, Correlator cpu, Function<CudaRuntime, Correlator> gpuFactory) {
        this.selection = selection;
        this.cpu = cpu;
        this.gpuFactory = gpuFactory;
    }

    @Override
    public void correlate(List<Plane> templates, List<Plane> images, SurfaceVisitor visitor) {
        ComputePath path = selection.resolve();
        if (!path.onGpu()) {
            cpu.correlate(templates, images, visitor);
            return;
        }
        BitSet delivered = new BitSet();
        int n = images.size();
        try {
            gpu(path).correlate(templates, images, (t, i, s) -> {
                visitor.visit(t, i, s);
                delivered.set(t * n + i);
            });
        } catch (CudaException e) {
            path.failed(e);
            cpu.correlate(templates, images, (t, i, s) -> {
                if (!delivered.get(t * n + i)) {
                    visitor.visit(t, i, s);
                }
            });
        }
    }

    private Correlator gpu(ComputePath path) {
        Correlator g = gpu;
        if (g == null) {
            g = gpuFactory.apply(path.runtime());
            gpu = g;
        }
        return g;
    }
}
