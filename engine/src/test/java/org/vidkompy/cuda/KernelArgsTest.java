package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.junit.jupiter.api.Test;

/** kernelParams is an array of pointers to the argument values; host memory, so testable here. */
class KernelArgsTest {

    @Test
    void eachEntryPointsAtItsValue() {
        try (KernelArgs a = new KernelArgs().ptr(0x7f00_1234_5678L).i32(-3).f64(0.25)) {
            PointerPointer<Pointer> p = a.pointers();
            assertEquals(3, a.count());
            assertEquals("pid", a.kinds());
            for (int i = 0; i < 3; i++) {
                assertEquals(a.cellAddress(i), p.get(i).address(), "entry " + i);
            }
            assertEquals(0x7f00_1234_5678L, new LongPointer(p.get(0)).get());
            assertEquals(-3, new IntPointer(p.get(1)).get());
            assertEquals(0.25, new DoublePointer(p.get(2)).get());
            assertThrows(IllegalStateException.class, () -> a.i32(1), "no arguments after hand-out");
        }
    }

    @Test
    void launchGeometryCoversEveryThreadAndRespectsLimits() {
        LaunchGeometry g = LaunchGeometry.cover(1000, 7, 3);
        assertEquals(4, g.gridX());
        assertEquals(256, g.blockX());
        assertEquals(7, g.gridY());
        assertEquals(3, g.gridZ());
        assertEquals(1, LaunchGeometry.cover(0, 0, 0).gridX(), "empty work still makes a valid launch");
        assertEquals(1, LaunchGeometry.cover(256, 1, 1).gridX());
        assertEquals(2, LaunchGeometry.cover(257, 1, 1).gridX());
        assertThrows(IllegalArgumentException.class, () -> LaunchGeometry.cover(10, 65536, 1));
        assertThrows(IllegalArgumentException.class, () -> LaunchGeometry.cover(1L << 40, 1, 1));
        CostChunks.Chunk c = new CostChunks.Chunk(10, 30, 0, 50, 400, 300);
        LaunchGeometry b = CudaCostKernel.geometry(c);
        assertEquals(2, b.gridX(), "300 columns in 256-thread blocks");
        assertEquals(20, b.gridY(), "one block row per band row");
    }
}
