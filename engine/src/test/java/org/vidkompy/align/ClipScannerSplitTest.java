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
import org.vidkompy.media.ForwardingClipSource;

/**
 * Clips decoded in parts at once keep exactly what one scan keeps, and where the parts do not add
 * up, the whole scan that follows them does.
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
        ClipScanner.Scans whole = scan(new Watched(Mode.WHOLE, false), new Watched(Mode.WHOLE, true));
        Watched bg = new Watched(Mode.SPLIT, false);
        Watched fg = new Watched(Mode.SPLIT, true);
        ClipScanner.Scans parts = scan(bg, fg);
        assertTrue(bg.completed && fg.completed, "both clips were scanned in parts");
        assertEquals(4, bg.parts, "parts starting at the key frames 0, 75, 150 and 225 (the cuts)");
        assertSame(whole.bg(), parts.bg());
        assertSameFg(whole.fg(), parts.fg());
    }

    @Test
    void partsThatDoNotAddUpGiveWayToAWholeScan() {
        ClipScanner.Scans whole = scan(new Watched(Mode.WHOLE, false), new Watched(Mode.WHOLE, true));
        Watched bg = new Watched(Mode.BROKEN, false);
        Watched fg = new Watched(Mode.BROKEN, true);
        ClipScanner.Scans again = scan(bg, fg);
        assertTrue(bg.partsRan && bg.wholeRan && fg.partsRan && fg.wholeRan, "parts ran, then the whole scans");
        assertSame(whole.bg(), again.bg());
        assertSameFg(whole.fg(), again.fg());
    }

    private static ClipScanner.Scans scan(Watched bg, Watched fg) {
        try (bg; fg) {
            return new ClipScanner().scanBoth(bg, fg, AnalysisOptions.defaults(), AnalysisProgress.NONE);
        }
    }

    private static void assertSameFg(ClipScanner.FgScan a, ClipScanner.FgScan b) {
        assertEquals(FRAMES, a.descriptors().size());
        assertEquals(a.descriptors().size(), b.descriptors().size());
        int d = a.descriptors().dimension();
        java.nio.ByteBuffer va = java.nio.ByteBuffer.allocate(FRAMES * d);
        java.nio.ByteBuffer vb = java.nio.ByteBuffer.allocate(FRAMES * d);
        a.descriptors().copyVectors(0, FRAMES, va);
        b.descriptors().copyVectors(0, FRAMES, vb);
        assertArrayEquals(va.array(), vb.array(), "the fg's descriptors");
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(a.descriptors().pHash(i), b.descriptors().pHash(i), "pHash of fg frame " + i);
        }
        assertStored(a.fine(), b.fine(), "fine thumbnail of fg frame ");
        assertArrayEquals(a.times(), b.times(), "fg frame times");
        assertArrayEquals(a.kept().indices(), b.kept().indices(), "fg frames kept whole");
    }

    private static void assertSame(ClipScanner.BgScan a, ClipScanner.BgScan b) {
        assertStored(a.store(), b.store(), "thumbnail of bg frame ");
        assertArrayEquals(a.times(), b.times(), "frame times");
        assertArrayEquals(a.kept().indices(), b.kept().indices(), "frames kept whole");
        for (int k = 0; k < a.kept().wholes().size(); k++) {
            LumaImage x = a.kept().wholes().get(k);
            LumaImage y = b.kept().wholes().get(k);
            assertArrayEquals(x.pixels(), y.pixels(), "kept frame " + a.kept().indices()[k]);
        }
    }

    private static void assertStored(ThumbnailStore a, ThumbnailStore b, String what) {
        assertEquals(FRAMES, a.size());
        assertEquals(a.size(), b.size());
        int n = a.width() * a.height();
        for (int i = 0; i < FRAMES; i++) {
            assertArrayEquals(Arrays.copyOfRange(a.chunk(i), a.offset(i), a.offset(i) + n),
                    Arrays.copyOfRange(b.chunk(i), b.offset(i), b.offset(i) + n), what + i);
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

        Watched(Mode mode, boolean fg) {
            super(fg ? FfmpegClipSource.reference(clip) : new FfmpegClipSource(clip));
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
