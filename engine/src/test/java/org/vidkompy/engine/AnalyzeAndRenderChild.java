package org.vidkompy.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.AnalysisProgress;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.compose.RenderListener;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.compose.Renderer;
import org.vidkompy.media.Alignment;

/**
 * The whole job in a JVM of its own, so a test can give it the launcher's heap: analyses BG FG,
 * renders to OUT, prints the placement and the heap pools' peaks. Exit 0 on success, 3 on
 * OutOfMemoryError (anything else escapes with the JVM's 1).
 */
public final class AnalyzeAndRenderChild {

    private AnalyzeAndRenderChild() {
    }

    public static void main(String[] args) {
        Injector injector = Guice.createInjector(new EngineModule());
        try {
            Alignment a = injector.getInstance(PairAnalysis.class).run(Path.of(args[0]), Path.of(args[1]),
                    AnalysisOptions.defaults(), null, AnalysisProgress.NONE, w -> { }).alignment();
            System.out.printf(java.util.Locale.ROOT, "placement %.3f %.3f %.5f%n", a.spatial().x(), a.spatial().y(),
                    a.spatial().scale());
            injector.getInstance(Renderer.class).render(Path.of(args[0]), Path.of(args[1]), a, null,
                    RenderOptions.to(Path.of(args[2])).withQuality(40, "ultrafast"), RenderListener.NONE);
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory: " + e.getMessage());
            e.printStackTrace(System.out);
            System.exit(3);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(java.util.Locale.ROOT, "heap pools' peaks %d MiB of max %d MiB%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
