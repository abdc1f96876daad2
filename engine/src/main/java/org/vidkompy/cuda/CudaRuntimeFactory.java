package org.vidkompy.cuda;

/** Opens the GPU for a usable probe result: a seam so that selection is testable without a GPU. */
@FunctionalInterface
public interface CudaRuntimeFactory {
    CudaRuntime open(CudaStatus status);
}
