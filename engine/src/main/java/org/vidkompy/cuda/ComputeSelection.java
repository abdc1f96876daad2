package org.vidkompy.cuda;

import com.google.inject.ProvisionException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * The face's handle on the choice: {@link #choose} records the mode and makes the choice now (the
 * command line calls it right after parsing, so the line appears and {@code --gpu on} fails before
 * any decoding); {@link #resolve} is what the selected correlator and cost kernel call on first use.
 * Either way the choice itself is {@link ComputeModule}'s singleton provider, made once.
 */
public final class ComputeSelection {

    private final GpuSetting setting;
    private final Provider<ComputePath> path;

    @Inject
    public ComputeSelection(GpuSetting setting, Provider<ComputePath> path) {
        this.setting = setting;
        this.path = path;
    }

    public ComputePath choose(GpuMode mode) {
        setting.set(mode);
        return resolve();
    }

    public ComputePath resolve() {
        try {
            return path.get();
        } catch (ProvisionException e) {
            // Guice wraps what a provider throws; callers should see the reason, not the wiring.
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof RuntimeException r && !(c instanceof ProvisionException)) {
                    throw r;
                }
            }
            throw e;
        }
    }
}
