package org.vidkompy.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidkompy.image.LumaImage;

class RecentRunsTest {

    /** A 100-frame clip of 10x10 frames, each filled with its index; counts the runs it decodes. */
    private static final class Counting implements ClipSource {
        int decodes;

        @Override
        public Clip info() {
            return new Clip("fake", 10, 10, 25, 100);
        }

        @Override
        public List<LumaImage> frames(int from, int count) {
            decodes++;
            List<LumaImage> out = new ArrayList<>();
            for (int i = Math.max(0, from); i < Math.min(100, from + count); i++) {
                out.add(frame(i));
            }
            return out;
        }

        @Override
        public LumaImage frame(int index) {
            byte[] p = new byte[100];
            java.util.Arrays.fill(p, (byte) index);
            return new LumaImage(10, 10, p);
        }

        @Override
        public List<LumaImage> samples(int count) {
            return List.of();
        }

        @Override
        public void scan(List<Thumb> thumbs, FrameVisitor visitor) {
        }

        @Override
        public int fetchCost(int index) {
            return 1;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aRunAskedForAgainIsNotDecodedAgain() {
        Counting clip = new Counting();
        RecentRuns runs = new RecentRuns(clip, 10_000);
        List<LumaImage> first = runs.frames(40, 3);
        List<LumaImage> again = runs.frames(40, 3);
        assertEquals(1, clip.decodes);
        for (int k = 0; k < 3; k++) {
            assertSame(first.get(k), again.get(k));
            assertEquals(40 + k, again.get(k).pixels()[0]);
        }
        runs.frames(41, 1); // inside the run kept
        assertEquals(1, clip.decodes);
    }

    @Test
    void aRunWithAFrameNotKeptIsDecodedAndTheBudgetDropsTheOldest() {
        Counting clip = new Counting();
        RecentRuns runs = new RecentRuns(clip, 500); // five 100-byte frames
        runs.frames(10, 3);
        runs.frames(12, 2); // 13 is new: decoded again
        assertEquals(2, clip.decodes);
        runs.frames(20, 3); // 10..13 and 20..22 are 7 frames: 10 and 11 go
        runs.frames(12, 2);
        assertEquals(3, clip.decodes);
        runs.frames(10, 1);
        assertEquals(4, clip.decodes);
    }

    @Test
    void runsBeforeTheClipsStartAreClippedAsTheClipClipsThem() {
        Counting clip = new Counting();
        RecentRuns runs = new RecentRuns(clip, 10_000);
        assertEquals(2, runs.frames(-1, 3).size());
        assertEquals(2, runs.frames(-1, 3).size());
        assertEquals(1, clip.decodes);
        assertEquals(0, runs.frames(0, 1).get(0).pixels()[0]);
    }
}
