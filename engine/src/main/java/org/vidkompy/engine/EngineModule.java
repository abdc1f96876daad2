package org.vidkompy.engine;

import com.google.inject.AbstractModule;
import org.vidkompy.cuda.ComputeModule;
import org.vidkompy.cuda.GpuMode;
import org.vidkompy.io.IoModule;

/**
 * The whole headless engine; faces (CLI, OpenFX) install this. Correlation and band costs run on the
 * CPU references or their CUDA twins, chosen by {@link ComputeModule} from the {@link GpuMode} given
 * here (auto unless the face says otherwise) and the device, on first use.
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
