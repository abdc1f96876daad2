package org.vidkompy.spatial;

import com.google.inject.AbstractModule;

/** The spatial search with the CPU correlator, the reference implementation. */
public final class SpatialModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Correlator.class).to(CpuCorrelator.class);
    }
}
