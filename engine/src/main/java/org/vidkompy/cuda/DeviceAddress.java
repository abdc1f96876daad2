package org.vidkompy.cuda;

import org.bytedeco.javacpp.Pointer;

/**
 * A device address (the driver API's {@code CUdeviceptr}, a long) wrapped as a JavaCPP {@link Pointer},
 * for the APIs that take typed pointers (cuFFT's {@code double*} / {@code double2*}). Never
 * dereferenced on the host and owns nothing: the {@link DeviceMemory} it comes from frees it.
 */
final class DeviceAddress extends Pointer {

    DeviceAddress(long address) {
        this.address = address;
    }
}
