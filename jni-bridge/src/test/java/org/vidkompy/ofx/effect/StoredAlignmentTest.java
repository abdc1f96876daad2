package org.vidkompy.ofx.effect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Clip;
import org.vidkompy.media.FrameRange;
import org.vidkompy.media.Placement;
import org.vidkompy.media.Timing;

class StoredAlignmentTest {
    private static final Alignment ALIGNMENT = new Alignment(new Clip("bg.mp4", 320, 180, 25, 40),
            new Clip("Source", 160, 90, 25, 8), new Placement(12.5, -3.25, 0.8, 0.99),
            new Timing(0.97, new int[] {12, 13, 14, 14, 14, 20, 22, 24}, new float[] {1, 1, 1, 1, 1, 0.5f, 1, 1},
                    List.of(new FrameRange(5, 5))));

    @Test
    void theEnginesSidecarUnderAHeaderWithTheHostStarts() {
        StoredAlignment r = new StoredAlignment(ALIGNMENT, 1, 10);
        String text = r.format();
        assertEquals("vidkompy-align/2 fgStart=1 bgStart=10\n" + AlignmentFile.toJson(ALIGNMENT, false), text);
        StoredAlignment back = StoredAlignment.parse(text);
        assertEquals(text, back.format(), "what is read writes the same text");
        assertArrayEquals(ALIGNMENT.temporal().map(), back.alignment().temporal().map());
        assertEquals(12.5, back.alignment().spatial().x());
        assertEquals(1, back.fgStart());
        assertEquals(10, back.bgStart());
    }

    @Test
    void bgTimeMapsHostTimesAndHoldsTheEnds() {
        StoredAlignment r = new StoredAlignment(ALIGNMENT, 1, 10);
        assertEquals(22, r.bgTime(1)); // fg frame 0
        assertEquals(34, r.bgTime(8)); // fg frame 7
        assertEquals(22, r.bgTime(-5));
        assertEquals(34, r.bgTime(100));
        assertEquals(24, r.bgTime(3.4)); // frame 2
    }

    @Test
    void summaryNamesUnmatchedFramesInHostTime() {
        String s = new StoredAlignment(ALIGNMENT, 1, 0).summary();
        assertEquals("confidence: spatial 0.990, temporal 0.970; 7 of 8 fg frames matched; unmatched: 6", s);
    }

    @Test
    void earlierPluginsDataStillLoads() {
        StoredAlignment r = StoredAlignment.parse("vidkompy-align/1\nxform 12.5 -3.25 0.8\nmap 10 100+1x3 50-1x2");
        assertEquals(10, r.fgStart());
        assertEquals(100, r.bgTime(10));
        assertEquals(102, r.bgTime(12));
        assertEquals(49, r.bgTime(14));
        assertEquals(5, r.frames());
        assertEquals(12.5, r.alignment().spatial().x());
        // a minor version and unknown lines are fine
        r = StoredAlignment.parse("vidkompy-align/1.3\nsrc fg=64x48\nxform 4 5 1\nmap 0 5+1x20\n");
        assertEquals(24, r.bgTime(20)); // past the last fg frame: the last bg frame
    }

    @Test
    void badDataSaysWhy() {
        assertThrows(IllegalArgumentException.class, () -> StoredAlignment.parse("hello"));
        assertThrows(IllegalArgumentException.class, () -> StoredAlignment.parse("vidkompy-align/3\n{}"));
        assertThrows(IllegalArgumentException.class, () -> StoredAlignment.parse("vidkompy-align/1\nxform 1 2 3"));
        assertThrows(IllegalArgumentException.class, () -> StoredAlignment.parse("vidkompy-align/1\nmap 0 1+1x2"));
        assertThrows(IllegalArgumentException.class, () -> StoredAlignment.parse("vidkompy-align/1\nxform 1 2 0\nmap 0 1+1x2"));
        assertThrows(IllegalArgumentException.class, () -> StoredAlignment.parse("vidkompy-align/1\nxform 1 2 1\nmap 0 12x3"));
        assertThrows(IllegalArgumentException.class, () -> StoredAlignment.parse("vidkompy-align/2 fgStart=x\n{}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoredAlignment.parse("vidkompy-align/2 fgStart=0 bgStart=0\n{\"schema\":\"other\"}"));
        assertTrue(e.getMessage().contains("vidkompy.alignment/1"), e.getMessage());
    }
}
