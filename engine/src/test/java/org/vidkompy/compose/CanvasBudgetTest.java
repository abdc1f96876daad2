package org.vidkompy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The render's canvas pool follows the frame size: four up to 4K, two for 8K. */
class CanvasBudgetTest {

    @Test
    void canvasesComeFromAByteBudget() {
        assertEquals(RenderPipeline.CANVASES, RenderPipeline.canvases(320 * 180 * 3));
        assertEquals(RenderPipeline.CANVASES, RenderPipeline.canvases(3840 * 2160 * 3));
        assertEquals(2, RenderPipeline.canvases(7680 * 4320 * 3));
        assertEquals(2, RenderPipeline.canvases(16384L * 16384 * 3));
    }
}
