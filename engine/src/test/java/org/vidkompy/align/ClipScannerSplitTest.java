package org.vidkompy.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.image.LumaImage;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.media.ClipSource;
import org.vidkompy.media.FfmpegClipSource;
import org.vidkompy.testkit.CutClip;
import org.vidkompy.testkit.ForwardingClipSource;

/**
 * The bg decoded in two parts at once keeps exactly what one scan keeps, and where the parts do
 * not add up, the whole scan that follows them does.
 */
class ClipScannerSplitTest {

    private static final int FRAMES = 300;

    @TempDir
    static Path dir;
    static MediaClip clip;

    @BeforeAll
    static void write() {
        clip = new VideoProbe().probe(CutClip.write(dir.resolve("cut.mp4"), 320, 180, FRAMES, 75, 150, 225));
    }

    @Test
    void partsKeepWhatOneScanKeeps() {
        ClipScanner.BgScan whole = scan(new Watched(Mode.WHOLE));
        Watched split = new Watched(Mode.SPLIT);
        ClipScanner.BgScan parts = scan(split);
        assertTrue(split.completed, "the bg was scanned in parts");
        assertEquals(4, split.parts, "parts starting at the key frames 0, 75, 150 and 225 (the cuts)");
        assertSame(whole, parts);
    }

    @Test
    void partsThatDoNotAddUpGiveWayToAWholeScan() {
        ClipScanner.BgScan whole = scan(new Watched(Mode.WHOLE));
        Watched broken = new Watched(Mode.BROKEN);
        ClipScanner.BgScan again = scan(broken);
        assertTrue(broken.partsRan && broken.wholeRan, "parts ran, then the whole scan");
        assertSame(whole, again);
    }

    private static ClipScanner.BgScan scan(Watched bg) {
        try (bg; ClipSource fg = FfmpegClipSource.reference(clip)) {
            return new ClipScanner().scanBoth(bg, fg, AnalysisOptions.defaults(), AnalysisProgress.NONE).bg();
        }
    }

    private static void assertSame(ClipScanner.BgScan a, ClipScanner.BgScan b) {
        assertEquals(FRAMES, a.store().size());
        assertEquals(a.store().size(), b.store().size());
        int n = a.store().width() * a.store().height();
        for (int i = 0; i < FRAMES; i++) {
            int ao = a.store().offset(i);
            int bo = b.store().offset(i);
            assertArrayEquals(Arrays.copyOfRange(a.store().chunk(i), ao, ao + n),
                    Arrays.copyOfRange(b.store().chunk(i), bo, bo + n), "thumbnail of bg frame " + i);
        }
        assertArrayEquals(a.times(), b.times(), "frame times");
        assertArrayEquals(a.kept().indices(), b.kept().indices(), "frames kept whole");
        for (int k = 0; k < a.kept().wholes().size(); k++) {
            LumaImage x = a.kept().wholes().get(k);
            LumaImage y = b.kept().wholes().get(k);
            assertArrayEquals(x.pixels(), y.pixels(), "kept frame " + a.kept().indices()[k]);
        }
    }

    private enum Mode { WHOLE, SPLIT, BROKEN }

    /** The clip, scanned whole, in parts, or in parts whose pictures are wrong and which say so. */
    private static final class Watched extends ForwardingClipSource {
        private final Mode mode;
        volatile boolean completed;
        volatile int parts;
        volatile boolean partsRan;
        volatile boolean wholeRan;

        Watched(Mode mode) {
            super(new FfmpegClipSource(clip));
            this.mode = mode;
        }

        @Override
        public void scan(List<Thumb> thumbs, FrameVisitor visitor) {
            wholeRan = true;
            in.scan(thumbs, visitor);
        }

        @Override
        public SplitScan split(int parts) {
            SplitScan s = mode == Mode.WHOLE ? null : in.split(parts);
            if (s == null) {
                return null;
            }
            this.parts = s.parts();
            return new SplitScan() {
                @Override
                public int parts() {
                    return s.parts();
                }

                @Override
                public void scan(int part, List<Thumb> thumbs, int threads, FrameVisitor visitor) {
                    partsRan = true;
                    s.scan(part, thumbs, threads, mode == Mode.SPLIT ? visitor : (i, t, planes, whole) -> {
                        Arrays.fill(planes[0].data(), 7f);
                        visitor.frame(i, t + 1, planes, () -> new LumaImage(2, 2, new byte[4]));
                    });
                }

                @Override
                public boolean complete() {
                    completed = s.complete() && mode == Mode.SPLIT;
                    return completed;
                }
            };
        }
    }
}
