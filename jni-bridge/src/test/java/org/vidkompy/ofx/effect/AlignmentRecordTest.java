package org.vidkompy.ofx.effect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlignmentRecordTest {

    @Test
    void formatsCompactlyAndParsesBack() {
        AlignmentRecord.FrameMap map = AlignmentRecord.FrameMap.encode(0, new int[] {12, 13, 14, 14, 14, 20, 22, 24});
        AlignmentRecord r = new AlignmentRecord(12.5, -3.25, 0.8, map);
        String text = r.format();
        assertEquals("vidkompy-align/1\nxform 12.5 -3.25 0.8\nmap 0 12+1x3 14+0x2 20+2x3", text);
        assertEquals(r, AlignmentRecord.parse(text));
    }

    @Test
    void mapsFramesAndHoldsTheEnds() {
        AlignmentRecord.FrameMap map = new AlignmentRecord.FrameMap(10,
                List.of(new AlignmentRecord.Run(100, 1, 3), new AlignmentRecord.Run(50, -1, 2)));
        assertEquals(100, map.bgFrame(10));
        assertEquals(102, map.bgFrame(12));
        assertEquals(50, map.bgFrame(13));
        assertEquals(49, map.bgFrame(14));
        assertEquals(100, map.bgFrame(-5), "before the map: first frame");
        assertEquals(49, map.bgFrame(99), "after the map: last frame");
        AlignmentRecord r = new AlignmentRecord(0, 0, 1, map);
        assertEquals(102, r.bgTime(11.6), "times round to the nearest frame");
        assertEquals(r, AlignmentRecord.parse(r.format()));
    }

    @Test
    void withoutAMapTimeIsUnchanged() {
        AlignmentRecord r = AlignmentRecord.parse("vidkompy-align/1\nxform 1 2 3");
        assertNull(r.map());
        assertEquals(7.5, r.bgTime(7.5));
    }

    @Test
    void ignoresUnknownLinesAndRejectsOtherMajors() {
        AlignmentRecord r = AlignmentRecord.parse("vidkompy-align/1.3\nsrc fg=64x48\nxform 4 5 1\n");
        assertEquals(4, r.x());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlignmentRecord.parse("vidkompy-align/2\nxform 1 2 3"));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlignmentRecord.parse("hello"));
        assertThrows(IllegalArgumentException.class, () -> AlignmentRecord.parse("vidkompy-align/1\nmap 0 1+1x2"));
        assertThrows(IllegalArgumentException.class, () -> AlignmentRecord.parse("vidkompy-align/1\nxform 1 2 0"));
        assertThrows(IllegalArgumentException.class, () -> AlignmentRecord.parse("vidkompy-align/1\nxform 1 2 1\nmap 0 12x3"));
    }
}
