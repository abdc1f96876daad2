package org.vidkompy.ofx;

import com.google.inject.AbstractModule;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.ofx.effect.OfxAnalyzer;
import org.vidkompy.ofx.engine.EngineAnalyzer;

/**
 * The OpenFX face of the engine: the whole engine ({@link EngineModule}, the same bindings the
 * command line uses) plus the pieces backed by the host, the analysis over host clips. Rendering
 * needs no binding: each instance owns an {@link org.vidkompy.ofx.engine.OverlayRenderer} around
 * the engine's compositor.
 */
public final class OfxModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new EngineModule());
        bind(OfxAnalyzer.class).to(EngineAnalyzer.class);
    }
}
