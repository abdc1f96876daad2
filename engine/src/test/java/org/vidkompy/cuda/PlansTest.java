package org.vidkompy.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Device memory planning: bounded by the budget, covering all the work, never empty. */
class PlansTest {

    @Test
    void costChunksCoverTheRowsContiguouslyWithinBudget() {
        int rows = 5000;
        int dim = 256;
        int bgSize = 4000;
        int[] lo = new int[rows];
        int[] hi = new int[rows];
        for (int i = 0; i < rows; i++) {
            lo[i] = i - 40;
            hi[i] = i + 40;
        }
        long budget = 2L << 20;
        List<CostChunks.Chunk> chunks = CostChunks.plan(i -> lo[i], i -> hi[i], 100, rows, dim, bgSize, budget, 65535);
        assertTrue(chunks.size() > 1, "a 2 MB budget must split " + chunks.size());
        int next = 100;
        for (CostChunks.Chunk c : chunks) {
            assertEquals(next, c.rowFrom());
            next = c.rowTo();
            assertTrue(c.bytes(dim) <= budget, c + " " + c.bytes(dim));
            assertTrue(c.colFrom() >= 0 && c.colTo() <= bgSize, c.toString());
            assertEquals(81, c.maxWidth());
            long cells = 0;
            for (int r = c.rowFrom(); r < c.rowTo(); r++) {
                cells += hi[r] - lo[r] + 1;
                assertTrue(lo[r] >= c.colFrom() || lo[r] < 0, "row " + r + " columns uploaded");
                assertTrue(hi[r] < c.colTo() || hi[r] >= bgSize, "row " + r + " columns uploaded");
            }
            assertEquals(cells, c.cells());
        }
        assertEquals(rows, next);
    }

    @Test
    void costChunksHonourTheLaunchRowLimitAndVirtualColumns() {
        List<CostChunks.Chunk> chunks = CostChunks.plan(i -> -10, i -> -1, 0, 150_000, 256, 100, 1L << 40, 65535);
        assertEquals(3, chunks.size());
        assertEquals(65535, chunks.get(0).rows());
        assertEquals(0, chunks.get(0).cols(), "columns before the bg start need no upload");
        List<CostChunks.Chunk> wide = CostChunks.plan(i -> 0, i -> 999_999, 0, 3, 256, 1_000_000, 1024, 65535);
        assertEquals(3, wide.size(), "a row over budget still gets a chunk of its own");
    }

    @Test
    void correlationBatchesStayWithinTheBudget() {
        // 1080p bg at the default thumbnail size and 24 samples, 40 templates.
        CorrelationBatches b = CorrelationBatches.plan(427, 240, 512, 256, 24, 40, 64L << 20);
        assertTrue(b.bytes() <= 64L << 20, "bytes " + b.bytes());
        assertTrue(b.images() >= 1 && b.images() <= 24);
        assertTrue(b.templates() >= 1 && b.templates() <= 40);
        CorrelationBatches all = CorrelationBatches.plan(427, 240, 512, 256, 24, 40, 1L << 30);
        assertEquals(24, all.images());
        assertEquals(40, all.templates());
        CorrelationBatches tiny = CorrelationBatches.plan(427, 240, 512, 256, 24, 40, 1);
        assertEquals(1, tiny.images(), "always at least one");
        assertEquals(1, tiny.templates());
        CorrelationBatches many = CorrelationBatches.plan(16, 16, 16, 16, 100_000, 1, 1L << 40);
        assertEquals(65535, many.images(), "images are a launch's z axis");
    }
}
