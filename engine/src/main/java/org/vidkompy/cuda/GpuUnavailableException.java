package org.vidkompy.cuda;

/** {@code --gpu on} was asked for and CUDA cannot be used; the message says why. */
public final class GpuUnavailableException extends RuntimeException {
    public GpuUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
