package org.vidkompy.engine;

import com.google.inject.AbstractModule;
import org.vidkompy.io.IoModule;

/** The whole headless engine with its CPU implementations; faces (CLI, OpenFX) install this. */
public final class EngineModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new IoModule());
    }
}
