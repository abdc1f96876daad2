package org.vidkompy.cuda;

import static org.bytedeco.cuda.global.cudart.CUDA_SUCCESS;
import static org.bytedeco.cuda.global.cudart.cuGetErrorName;
import static org.bytedeco.cuda.global.cudart.cuGetErrorString;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.cuda.global.cufft;
import org.bytedeco.cuda.global.nvrtc;

/** Status codes of the driver API, cuFFT and NVRTC to {@link CudaException}s that name the call. */
final class CudaErrors {

    private CudaErrors() {
    }

    static void check(int rc, String call) {
        if (rc != CUDA_SUCCESS) {
            throw new CudaException(call + ": " + driverName(rc));
        }
    }

    static String driverName(int rc) {
        try (PointerPointer<BytePointer> name = new PointerPointer<>(1);
             PointerPointer<BytePointer> text = new PointerPointer<>(1)) {
            String n = cuGetErrorName(rc, name) == CUDA_SUCCESS ? name.getString(0) : "CUDA error " + rc;
            String s = cuGetErrorString(rc, text) == CUDA_SUCCESS ? text.getString(0) : null;
            return s == null ? n : n + " (" + s + ")";
        }
    }

    static void checkFft(int rc, String call) {
        if (rc != cufft.CUFFT_SUCCESS) {
            throw new CudaException(call + ": cufftResult " + rc);
        }
    }

    static void checkNvrtc(int rc, String call) {
        if (rc != nvrtc.NVRTC_SUCCESS) {
            BytePointer s = nvrtc.nvrtcGetErrorString(rc);
            throw new CudaException(call + ": " + (s == null ? "nvrtcResult " + rc : s.getString()));
        }
    }
}
