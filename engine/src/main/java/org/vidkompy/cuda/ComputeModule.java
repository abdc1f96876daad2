package org.vidkompy.cuda;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import org.vidkompy.spatial.Correlator;
import org.vidkompy.spatial.CpuCorrelator;
import org.vidkompy.temporal.BandCostKernel;
import org.vidkompy.temporal.CpuCostKernel;

/**
 * Binds the engine's {@link Correlator} and {@link BandCostKernel} for the {@link GpuMode} the face
 * read before building its injector (the command line scans {@code --gpu} first).
 *
 * <p>Public bindings: {@link GpuMode}, the mode of this injector, never changed; {@link ComputePath},
 * a singleton made by {@link ComputeSelector} on first use; the two interfaces, taken from it. So the
 * probe runs at most once per injector, and only when something that analyses is provisioned: faces
 * hand their analysing parts a {@code Provider}, and commands that never analyse never probe.
 *
 * <p>Seams with defaults a face or a test may replace: {@link ComputeReport} (stderr),
 * {@link CudaProbe} (the driver), {@link CudaRuntimeFactory} (NVRTC + driver).
 */
public final class ComputeModule extends AbstractModule {

    private final GpuMode mode;

    public ComputeModule(GpuMode mode) {
        this.mode = mode;
    }

    @Override
    protected void configure() {
        bind(GpuMode.class).toInstance(mode);
        OptionalBinder.newOptionalBinder(binder(), ComputeReport.class).setDefault().toInstance(ComputeReport.stderr());
        OptionalBinder.newOptionalBinder(binder(), CudaProbe.class).setDefault().to(DriverCudaProbe.class);
        OptionalBinder.newOptionalBinder(binder(), CudaRuntimeFactory.class).setDefault().to(NvrtcRuntimeFactory.class);
    }

    @Provides
    @Singleton
    ComputePath path(CudaProbe probe, CudaRuntimeFactory factory, ComputeReport report, CpuCorrelator cpuCorrelator,
                     CpuCostKernel cpuCostKernel) {
        return new ComputeSelector(probe, factory, report).select(mode, new ComputePath(cpuCorrelator, cpuCostKernel));
    }

    @Provides
    Correlator correlator(ComputePath path) {
        return path.correlator();
    }

    @Provides
    BandCostKernel costKernel(ComputePath path) {
        return path.costKernel();
    }

    /** The production runtime: kernels compiled by NVRTC, cached under the user's cache folder. */
    static final class NvrtcRuntimeFactory implements CudaRuntimeFactory {
        private final ComputeReport report;

        @jakarta.inject.Inject
        NvrtcRuntimeFactory(ComputeReport report) {
            this.report = report;
        }

        @Override
        public CudaRuntime open(CudaStatus status) {
            return CudaRuntime.open(status, new PtxCache(PtxCache.defaultDir(), new NvrtcCompiler(),
                    w -> report.line("warning: " + w)));
        }
    }
}
