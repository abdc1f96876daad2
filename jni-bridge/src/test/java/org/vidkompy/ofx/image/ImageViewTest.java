package org.vidkompy.ofx.image;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageViewTest {

    @Test
    void bottomUpRowsWithPadding() {
        // 3x2 RGBA8 at bounds (10,20)-(13,22), rows of 16 bytes (4 padding), row y=20 first in memory
        Memory mem = new Memory(32);
        mem.clear();
        ImageView v = ImageView.wrap(mem, new RectI(10, 20, 13, 22), 16, PixelDepth.BYTE);
        v.set(12, 21, 0, 1f);
        assertEquals((byte) 255, mem.getByte(16 + 2 * 4));
        mem.setByte(4 + 3, (byte) 128); // (11, 20) alpha
        assertEquals(128 / 255f, v.get(11, 20, 3), 1e-6);
    }

    @Test
    void negativeRowBytesAddressRowsDownwards() {
        // float RGBA 2x3, rows stored top row first: data points at the last row in memory
        int stride = 2 * 16;
        Memory mem = new Memory(3L * stride);
        mem.clear();
        Pointer data = mem.share(2L * stride);
        ImageView v = ImageView.wrap(data, new RectI(0, 0, 2, 3), -stride, PixelDepth.FLOAT);
        v.set(1, 0, 2, 0.25f); // bottom row -> last in memory
        v.set(0, 2, 1, 2.5f);  // top row -> first in memory, unclamped float
        assertEquals(0.25f, mem.getFloat(2L * stride + 16 + 8));
        assertEquals(2.5f, mem.getFloat(4));
        assertEquals(2.5f, v.get(0, 2, 1));
    }

    @Test
    void sixteenBitRoundTripsAndClamps() {
        Memory mem = new Memory(8);
        ImageView v = ImageView.wrap(mem, new RectI(0, 0, 1, 1), 8, PixelDepth.SHORT);
        v.setPixel(0, 0, new float[] {0.5f, -1f, 2f, 1f});
        assertEquals(32768, mem.getShort(0) & 0xffff);
        assertEquals(0, mem.getShort(2));
        assertEquals(65535, mem.getShort(4) & 0xffff);
        assertEquals(1f, v.get(0, 0, 3));
    }

    @Test
    void anEmptyImageMayHaveNullData() {
        ImageView v = ImageView.wrap((Pointer) null, new RectI(0, 0, 0, 0), 0, PixelDepth.BYTE);
        assertEquals(true, v.bounds().isEmpty());
        assertEquals(false, v.contains(0, 0));
    }
}
