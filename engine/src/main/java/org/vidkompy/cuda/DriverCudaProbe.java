package org.vidkompy.cuda;

import static org.bytedeco.cuda.global.cudart.CUDA_SUCCESS;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;

import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cufft;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The real probe: loads Bytedeco's JNI libraries for the driver/runtime, cuFFT and NVRTC (each needs
 * the matching system library: libcuda.so.1 from the driver, libcudart.so.13, libcufft.so.12 and
 * libnvrtc.so.13 from the toolkit or the redist jar), then asks the driver for device 0.
 *
 * <p>Never throws: a missing library is a {@link LinkageError} (UnsatisfiedLinkError the first time,
 * NoClassDefFoundError after), which is caught and explained; any other failure becomes a reason too.
 */
public final class DriverCudaProbe implements CudaProbe {

    /** Oldest architecture CUDA 13 compiles for (Turing). */
    static final int MIN_CC_MAJOR = 7;
    static final int MIN_CC_MINOR = 5;

    @Override
    public CudaStatus probe() {
        try {
            Loader.load(cudart.class);
        } catch (LinkageError e) {
            return CudaStatus.unusable(LinkFailures.explain(e));
        }
        try {
            int rc = cudart.cuInit(0);
            if (rc != CUDA_SUCCESS) {
                return CudaStatus.unusable("CUDA driver unusable (cuInit: " + CudaErrors.driverName(rc) + ")");
            }
            int[] v = new int[1];
            CudaErrors.check(cudart.cuDriverGetVersion(v), "cuDriverGetVersion");
            int driver = v[0];
            CudaErrors.check(cudart.cuDeviceGetCount(v), "cuDeviceGetCount");
            if (v[0] == 0) {
                return CudaStatus.unusable("no CUDA device (driver " + driver / 1000 + "." + (driver % 1000) / 10 + ")");
            }
            int[] dev = new int[1];
            CudaErrors.check(cudart.cuDeviceGet(dev, 0), "cuDeviceGet");
            byte[] name = new byte[256];
            CudaErrors.check(cudart.cuDeviceGetName(name, name.length, dev[0]), "cuDeviceGetName");
            int[] major = new int[1];
            int[] minor = new int[1];
            CudaErrors.check(cudart.cuDeviceGetAttribute(major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev[0]),
                    "cuDeviceGetAttribute");
            CudaErrors.check(cudart.cuDeviceGetAttribute(minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev[0]),
                    "cuDeviceGetAttribute");
            long total;
            try (SizeTPointer t = new SizeTPointer(1)) {
                CudaErrors.check(cudart.cuDeviceTotalMem(t, dev[0]), "cuDeviceTotalMem");
                total = t.get();
            }
            String deviceName = cString(name);
            if (major[0] * 10 + minor[0] < MIN_CC_MAJOR * 10 + MIN_CC_MINOR) {
                return CudaStatus.unusable(deviceName + " has compute capability " + major[0] + "." + minor[0]
                        + ", CUDA 13 needs 7.5 or newer");
            }
            // The GPU path also needs cuFFT and NVRTC; find out now rather than in the middle of an analysis.
            try {
                Loader.load(cufft.class);
                Loader.load(nvrtc.class);
            } catch (LinkageError e) {
                return CudaStatus.unusable(LinkFailures.explain(e));
            }
            return CudaStatus.usable(deviceName, driver, major[0], minor[0], total);
        } catch (CudaException | LinkageError e) {
            return CudaStatus.unusable("CUDA probe failed (" + e.getMessage() + ")");
        }
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
}
