package org.vidkompy.cuda;

/**
 * Finds out whether CUDA can be used here. A seam so that selection is testable without a GPU; the
 * real one ({@link DriverCudaProbe}) must never throw or crash, whatever is missing.
 */
public interface CudaProbe {
    CudaStatus probe();
}
