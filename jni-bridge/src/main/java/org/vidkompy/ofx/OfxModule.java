package org.vidkompy.ofx;

import com.google.inject.AbstractModule;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.ofx.effect.BackgroundVideos;
import org.vidkompy.ofx.effect.OfxAnalyzer;
import org.vidkompy.ofx.effect.OfxRenderer;
import org.vidkompy.ofx.engine.BackgroundFiles;
import org.vidkompy.ofx.engine.EngineAnalyzer;
import org.vidkompy.ofx.engine.OverlayRenderer;

/**
 * The OpenFX face of the engine: the whole engine ({@link EngineModule}, the same bindings the
 * command line uses) plus what the effect ({@code ofx.effect}) runs on, each the engine's own piece
 * in {@code ofx.engine}:
 * <ul>
 *   <li>{@link OfxAnalyzer}: the analysis over host clips ({@link EngineAnalyzer});</li>
 *   <li>{@link OfxRenderer}: the compositor {@code vidkompy render} uses ({@link OverlayRenderer});
 *       unscoped, so every effect instance gets its own (with its own compositor cache);</li>
 *   <li>{@link BackgroundVideos}: Background files read by the engine ({@link BackgroundFiles},
 *       one per process).</li>
 * </ul>
 */
public final class OfxModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new EngineModule());
        bind(OfxAnalyzer.class).to(EngineAnalyzer.class);
        bind(OfxRenderer.class).to(OverlayRenderer.class);
        bind(BackgroundVideos.class).to(BackgroundFiles.class);
    }
}
