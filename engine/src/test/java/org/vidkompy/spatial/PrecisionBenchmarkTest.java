package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vidkompy.image.Plane;
import org.vidkompy.synth.Scene;

/**
 * Time per precision level on a 1280x720 bg with a 640x360 fg (4 fg and 4 bg samples offered).
 * Off by default to keep the suite fast: {@code -Dvidkompy.bench=true}.
 */
@EnabledIfSystemProperty(named = "vidkompy.bench", matches = "true")
class PrecisionBenchmarkTest {

    @Test
    void timePerPrecisionLevel() {
        Scene scene = new Scene(3, 1280, 720);
        int[] frames = {10, 40, 70, 100};
        List<Plane> bg = Frames.bg(scene, frames);
        List<Plane> fgUnit = Frames.fg(scene, 301.37, 122.62, 1, 640, 360, frames);
        List<Plane> fgScaled = Frames.fg(scene, 301.37, 122.62, 1.25, 640, 360, frames);
        SpatialAligner aligner = new SpatialAligner(new CpuCorrelator());
        aligner.locate(fgUnit, bg, SpatialOptions.defaults()); // JIT warm-up
        aligner.locate(fgScaled, bg, SpatialOptions.defaults().withUnscaled(false).withPrecision(1));
        for (int level = 0; level <= PrecisionPreset.MAX_LEVEL; level++) {
            SpatialOptions unit = SpatialOptions.defaults().withPrecision(level);
            SpatialOptions sweep = unit.withUnscaled(false);
            double[] t1 = time(() -> aligner.locate(fgUnit, bg, unit));
            SpatialAlignment a = aligner.locate(fgUnit, bg, unit);
            double[] t2 = time(() -> aligner.locate(fgScaled, bg, sweep));
            SpatialAlignment b = aligner.locate(fgScaled, bg, sweep);
            System.out.printf("precision %d: unscaled, true scale 1: cpu %5.0f ms (wall %5.0f), err (%+.3f, %+.3f)  |  "
                            + "scale sweep, true 1.25: cpu %5.0f ms (wall %5.0f), err (%+.3f, %+.3f) scale %+.3f %%%n",
                    level, t1[0], t1[1], a.x() - 301.37, a.y() - 122.62, t2[0], t2[1], b.x() - 301.37,
                    b.y() - 122.62, 100 * (b.scale() / 1.25 - 1));
            assertEquals(301.37, a.x(), 0.5);
            assertEquals(301.37, b.x(), 0.5);
            assertEquals(1.25, b.scale(), 1.25 * 0.005);
        }
    }

    /**
     * Best of three runs: thread CPU time (what the work costs, independent of other load on a shared
     * machine) and wall time, in ms.
     */
    private static double[] time(Runnable r) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double cpu = Double.MAX_VALUE;
        double wall = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            r.run();
            wall = Math.min(wall, (System.nanoTime() - t0) / 1e6);
            cpu = Math.min(cpu, (mx.getCurrentThreadCpuTime() - c0) / 1e6);
        }
        return new double[] {cpu, wall};
    }
}
