package org.vidkompy.engine;

import com.google.inject.AbstractModule;
import org.vidkompy.cuda.ComputeModule;
import org.vidkompy.cuda.GpuMode;
import org.vidkompy.io.IoModule;

/**
 * The whole headless engine; faces (CLI, OpenFX) install this. Correlation and band costs run on the
 * CPU references or their CUDA twins, chosen by {@link ComputeModule} from the {@link GpuMode} (auto
 * unless the face says otherwise, and it may still set it until the first analysis) and the device.
 * {@code SpatialModule} and {@code TemporalAligner.Module} remain for CPU-only injectors.
 */
public final class EngineModule extends AbstractModule {

    private final GpuMode gpu;

    public EngineModule() {
        this(GpuMode.AUTO);
    }

    public EngineModule(GpuMode gpu) {
        this.gpu = gpu;
    }

    @Override
    protected void configure() {
        install(new IoModule());
        install(new ComputeModule(gpu));
    }
}
