package org.vidkompy.cuda;

import java.util.BitSet;
import java.util.List;
import org.vidkompy.image.Plane;
import org.vidkompy.spatial.Correlator;

/**
 * {@code --gpu auto}'s correlator: the CUDA twin until it fails, then the CPU. A call the GPU failed in
 * is finished on the CPU, which delivers only the pairs the GPU had not delivered, so no visitor sees
 * a pair twice.
 */
final class FallbackCorrelator implements Correlator {

    private final Correlator gpu;
    private final Correlator cpu;
    private final CpuFallback fallback;

    FallbackCorrelator(Correlator gpu, Correlator cpu, CpuFallback fallback) {
        this.gpu = gpu;
        this.cpu = cpu;
        this.fallback = fallback;
    }

    @Override
    public void correlate(List<Plane> templates, List<Plane> images, SurfaceVisitor visitor) {
        if (fallback.tripped()) {
            cpu.correlate(templates, images, visitor);
            return;
        }
        BitSet delivered = new BitSet();
        int n = images.size();
        try {
            gpu.correlate(templates, images, (t, i, s) -> {
                visitor.visit(t, i, s);
                delivered.set(t * n + i);
            });
        } catch (CudaException e) {
            fallback.trip(e);
            cpu.correlate(templates, images, (t, i, s) -> {
                if (!delivered.get(t * n + i)) {
                    visitor.visit(t, i, s);
                }
            });
        }
    }
}
