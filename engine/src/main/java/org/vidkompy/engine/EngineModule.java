package org.vidkompy.engine;

import com.google.inject.AbstractModule;
import org.vidkompy.io.IoModule;
import org.vidkompy.spatial.SpatialModule;
import org.vidkompy.temporal.TemporalAligner;

/** The whole headless engine with its CPU implementations; faces (CLI, OpenFX) install this. */
public final class EngineModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new IoModule());
        install(new SpatialModule());
        install(new TemporalAligner.Module());
    }
}
