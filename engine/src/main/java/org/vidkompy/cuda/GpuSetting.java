package org.vidkompy.cuda;

import java.util.Objects;

/**
 * The {@link GpuMode} of one injector. A face sets it once it has read its options (the command line
 * parses after the injector exists), before the first analysis; the choice is made lazily at the
 * first correlation or cost fill, so setting it later than that has no effect. One per injector,
 * never static: two injectors in one process may choose differently.
 */
public final class GpuSetting {

    private volatile GpuMode mode;

    public GpuSetting(GpuMode initial) {
        this.mode = Objects.requireNonNull(initial, "initial");
    }

    public GpuMode mode() {
        return mode;
    }

    public void set(GpuMode m) {
        this.mode = Objects.requireNonNull(m, "mode");
    }
}
