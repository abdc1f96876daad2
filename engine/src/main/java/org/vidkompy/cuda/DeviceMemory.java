package org.vidkompy.cuda;

import static org.bytedeco.cuda.global.cudart.cuMemAlloc;
import static org.bytedeco.cuda.global.cudart.cuMemFree;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoH;
import static org.bytedeco.cuda.global.cudart.cuMemcpyHtoD;

import org.bytedeco.javacpp.Pointer;

/**
 * One device allocation, freed by {@link #close()} (try-with-resources), never by a finaliser: device
 * memory is scarce and the GC does not see it. Must be used inside the owning context's scope.
 */
final class DeviceMemory implements AutoCloseable {

    private final long address;
    private final long bytes;
    private boolean freed;

    private DeviceMemory(long address, long bytes) {
        this.address = address;
        this.bytes = bytes;
    }

    static DeviceMemory allocate(long bytes) {
        long[] p = new long[1];
        CudaErrors.check(cuMemAlloc(p, Math.max(1, bytes)), "cuMemAlloc(" + bytes + " bytes)");
        return new DeviceMemory(p[0], bytes);
    }

    long address() {
        return address;
    }

    long bytes() {
        return bytes;
    }

    /** Copies {@code n} bytes from host memory to {@code offset} bytes into this allocation. */
    void upload(Pointer host, long offset, long n) {
        checkRange(offset, n);
        CudaErrors.check(cuMemcpyHtoD(address + offset, host, n), "cuMemcpyHtoD(" + n + " bytes)");
    }

    void download(Pointer host, long offset, long n) {
        checkRange(offset, n);
        CudaErrors.check(cuMemcpyDtoH(host, address + offset, n), "cuMemcpyDtoH(" + n + " bytes)");
    }

    private void checkRange(long offset, long n) {
        if (offset < 0 || n < 0 || offset + n > bytes) {
            throw new IndexOutOfBoundsException(offset + "+" + n + " outside " + bytes + " device bytes");
        }
    }

    @Override
    public void close() {
        if (!freed) {
            freed = true;
            CudaErrors.check(cuMemFree(address), "cuMemFree");
        }
    }
}
