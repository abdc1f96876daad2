package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The real probe must answer on any machine, GPU or not, and explain what is missing. */
class DriverCudaProbeTest {

    @Test
    void answersTwiceWithoutThrowing() {
        CudaStatus first = new DriverCudaProbe().probe();
        CudaStatus second = new DriverCudaProbe().probe(); // second load attempt: NoClassDefFoundError path
        System.out.println("CUDA probe on this machine: " + first.describe());
        assertNotNull(first.describe());
        assertEquals(first.usable(), second.usable());
        if (!first.usable()) {
            assertTrue(second.reason().equals(first.reason())
                    || second.reason().equals("CUDA libraries not loadable (loading them failed earlier in this process)"),
                    second.reason());
            assertFalse(first.reason().isBlank());
        }
    }

    @Test
    void linkErrorsAreExplained() {
        UnsatisfiedLinkError driver = new UnsatisfiedLinkError("no jnicudart in java.library.path: /usr/lib");
        driver.initCause(new UnsatisfiedLinkError("/root/.javacpp/cache/x/libjnicudart.so: libcuda.so.1: cannot open "
                + "shared object file: No such file or directory"));
        assertEquals("no CUDA driver (libcuda.so.1 not found)", LinkFailures.explain(driver));
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class org.bytedeco.cuda.global.cudart");
        later.initCause(new ExceptionInInitializerError("Exception java.lang.UnsatisfiedLinkError: libcuda.so.1: cannot "
                + "open shared object file [in thread \"main\"]"));
        assertEquals("no CUDA driver (libcuda.so.1 not found)", LinkFailures.explain(later));
        assertEquals("CUDA libraries not loadable (loading them failed earlier in this process)", LinkFailures.explain(
                new NoClassDefFoundError("Could not initialize class org.bytedeco.cuda.global.cudart")));
        UnsatisfiedLinkError fft = new UnsatisfiedLinkError("x/libjnicufft.so: libcufft.so.12: cannot open shared object file");
        assertEquals("CUDA runtime library libcufft.so.12 not found (install the CUDA 13 toolkit libraries or add "
                + "org.bytedeco:cuda with classifier linux-x86_64-redist)", LinkFailures.explain(fft));
        assertEquals("CUDA libraries not loadable (UnsatisfiedLinkError: weird)",
                LinkFailures.explain(new UnsatisfiedLinkError("weird")));
    }

    @Test
    void statusTexts() {
        CudaStatus s = CudaStatus.usable("NVIDIA H100 80GB HBM3", 13000, 9, 0, 80L << 30);
        assertEquals("NVIDIA H100 80GB HBM3, driver 13.0", s.describe());
        assertEquals("sm_90", s.arch());
        assertEquals("12.8", CudaStatus.usable("x", 12080, 8, 6, 0).driverText());
    }
}
