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
 * Binds the {@link Correlator} and {@link BandCostKernel} of the engine to the CPU references or their
 * CUDA twins, per {@link GpuMode} and what the {@link CudaProbe} finds.
 *
 * <p>The choice is {@link #path}, a singleton provider, so it is made once per injector, and lazily:
 * the command line creates its commands (and with them the engine) before it has parsed
 * {@code --gpu}, so the engine gets {@link SelectedCorrelator} / {@link SelectedCostKernel}, which ask
 * for the choice at their first call, by which time the face has set the mode. The rest of the
 * engine sees only the two interfaces.
 *
 * <p>Seams with defaults a face or a test may replace: {@link ComputeReport} (stderr),
 * {@link CudaProbe} (the driver), {@link CudaRuntimeFactory} (NVRTC + driver).
 */
public final class ComputeModule extends AbstractModule {

    private final GpuMode initial;

    public ComputeModule(GpuMode initial) {
        this.initial = initial;
    }

    @Override
    protected void configure() {
        bind(GpuSetting.class).toInstance(new GpuSetting(initial));
        bind(ComputeSelection.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), ComputeReport.class).setDefault().toInstance(ComputeReport.stderr());
        OptionalBinder.newOptionalBinder(binder(), CudaProbe.class).setDefault().to(DriverCudaProbe.class);
        OptionalBinder.newOptionalBinder(binder(), CudaRuntimeFactory.class).setDefault().to(NvrtcRuntimeFactory.class);
    }

    @Provides
    @Singleton
    ComputePath path(GpuSetting setting, CudaProbe probe, CudaRuntimeFactory factory, ComputeReport report) {
        ComputePath p = new ComputeSelector(probe, factory).select(setting.mode(), report);
        report.line(p.line());
        return p;
    }

    @Provides
    Correlator correlator(ComputeSelection selection, CpuCorrelator cpu) {
        return new SelectedCorrelator(selection, cpu);
    }

    @Provides
    BandCostKernel costKernel(ComputeSelection selection, CpuCostKernel cpu) {
        return new SelectedCostKernel(selection, cpu);
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
