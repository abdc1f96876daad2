package org.vidkompy.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The CUDA C sources packaged with the engine: {@code native/cuda/*.cu} are copied by the build to
 * {@code org/vidkompy/cuda/kernels/} on the class path (see engine/pom.xml), and NVRTC compiles them
 * for the GPU found at run time.
 */
final class KernelSources {

    static final String ROOT = "/org/vidkompy/cuda/kernels/";
    static final String BAND_COST = "band_cost.cu";
    static final String ZNCC = "zncc.cu";

    private KernelSources() {
    }

    static String read(String file) {
        try (InputStream in = KernelSources.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + ROOT + file + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
