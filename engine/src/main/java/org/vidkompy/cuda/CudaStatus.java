package org.vidkompy.cuda;

/**
 * What the probe found: a usable device (name, driver, compute capability, memory) or the one reason
 * there is none, phrased for the user ("no CUDA driver (libcuda.so.1 not found)").
 */
public record CudaStatus(boolean usable, String reason, String deviceName, int driverVersion,
                         int ccMajor, int ccMinor, long totalMemory) {

    public static CudaStatus unusable(String reason) {
        return new CudaStatus(false, reason, null, 0, 0, 0, 0);
    }

    public static CudaStatus usable(String deviceName, int driverVersion, int ccMajor, int ccMinor, long totalMemory) {
        return new CudaStatus(true, null, deviceName, driverVersion, ccMajor, ccMinor, totalMemory);
    }

    /** The driver's CUDA version as the driver API encodes it (13000 = 13.0). */
    public String driverText() {
        return driverVersion / 1000 + "." + (driverVersion % 1000) / 10;
    }

    /** NVRTC's name for the device's real architecture, e.g. {@code sm_90}. */
    public String arch() {
        return "sm_" + ccMajor + ccMinor;
    }

    /** One line for the user: "NVIDIA H100, driver 13.0" or the reason. */
    public String describe() {
        return usable ? deviceName + ", driver " + driverText() : reason;
    }
}
