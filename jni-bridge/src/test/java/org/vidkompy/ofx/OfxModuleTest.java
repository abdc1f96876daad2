package org.vidkompy.ofx;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;
import org.vidkompy.ofx.effect.BackgroundVideos;
import org.vidkompy.ofx.effect.OfxAnalyzer;
import org.vidkompy.ofx.effect.OfxRenderer;
import org.vidkompy.ofx.engine.BackgroundFiles;
import org.vidkompy.ofx.engine.EngineAnalyzer;
import org.vidkompy.ofx.engine.OverlayRenderer;

/** What the effect runs on comes from the module: the engine's pieces, a renderer per instance. */
class OfxModuleTest {

    @Test
    void bindsTheEnginesAnalyzerRendererAndBackgroundFiles() {
        Injector injector = Guice.createInjector(new OfxModule());
        assertInstanceOf(EngineAnalyzer.class, injector.getInstance(OfxAnalyzer.class));
        try (OfxRenderer a = injector.getInstance(OfxRenderer.class);
             OfxRenderer b = injector.getInstance(OfxRenderer.class)) {
            assertInstanceOf(OverlayRenderer.class, a);
            assertNotSame(a, b, "each instance keeps its own compositors");
        }
        BackgroundVideos files = injector.getInstance(BackgroundVideos.class);
        assertInstanceOf(BackgroundFiles.class, files);
        assertSame(files, injector.getInstance(BackgroundVideos.class), "one per process");
        assertNotNull(injector.getInstance(AlignPlugin.class));
    }
}
