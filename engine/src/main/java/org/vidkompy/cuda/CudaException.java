package org.vidkompy.cuda;

/**
 * A CUDA call failed: driver, cuFFT or NVRTC. Carries the call and the library's own error name, so
 * the user sees e.g. "cuMemAlloc(268435456 bytes): CUDA_ERROR_OUT_OF_MEMORY (out of memory)".
 */
public final class CudaException extends RuntimeException {
    public CudaException(String message) {
        super(message);
    }

    public CudaException(String message, Throwable cause) {
        super(message, cause);
    }
}
