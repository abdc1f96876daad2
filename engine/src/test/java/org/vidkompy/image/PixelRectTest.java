package org.vidkompy.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A content box carried into a shrunk picture keeps only the shrunk pixels wholly inside it. */
class PixelRectTest {

    @Test
    void shrunkKeepsThePixelsWhollyInside() {
        assertEquals(new PixelRect(0, 0, 480, 270), PixelRect.full(960, 540).shrunk(2));
        // columns 3..12: shrunk pixels 2..5 cover 4..11; pixels 1 (2..3) and 6 (12..13) stick out
        assertEquals(new PixelRect(2, 1, 4, 3), new PixelRect(3, 1, 10, 7).shrunk(2));
        assertEquals(new PixelRect(1, 2, 2, 1), new PixelRect(2, 3, 7, 5).shrunk(2.5));
        assertEquals(new PixelRect(5, 6, 7, 8), new PixelRect(5, 6, 7, 8).shrunk(1));
    }

    @Test
    void aBoxNarrowerThanAShrunkPixelHasNone() {
        assertNull(new PixelRect(3, 0, 2, 10).shrunk(2));
        assertNull(new PixelRect(0, 1, 10, 1).shrunk(2));
    }
}
