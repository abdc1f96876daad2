package org.vidkompy.compose;

import org.vidkompy.media.Timing;
import org.vidkompy.media.Placement;
import org.vidkompy.media.Clip;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vidkompy.media.Alignment;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.Rational;
import org.vidkompy.io.FrameTimes;
import org.vidkompy.io.MediaClip;

class AlignmentCheckTest {

    private static final Path SIDECAR = Path.of("a.json");
    private static final MediaClip BG = info("bg.mp4", 320, 180, 200);
    private static final MediaClip FG = info("fg.mp4", 160, 90, 3);

    private static MediaClip info(String name, int w, int h, long frames) {
        long[] pts = new long[(int) frames];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = i;
        }
        return new MediaClip(Path.of(name), w, h, new Rational(25, 1), 25, frames, frames / 25.0, 0, "yuv420p", "h264",
                Optional.empty(), FrameTimes.of(pts, new Rational(1, 25)));
    }

    private static Alignment alignment(int fgW, int bgW, double x, double scale, int... map) {
        return new Alignment(new Clip("bg.mp4", bgW, 180, 25, 200), new Clip("fg.mp4", fgW, 90, 25,
                map.length), new Placement(x, 10, scale, 1),
                new Timing(1, map, new float[map.length], List.of()));
    }

    private static String fails(Alignment a) {
        String m = assertThrows(MediaException.class, () -> AlignmentCheck.validate(a, BG, FG, SIDECAR)).getMessage();
        System.out.println(m);
        return m;
    }

    @Test
    void acceptsAFittingSidecar() {
        AlignmentCheck.validate(alignment(160, 320, 10, 1, 0, 1, 2), BG, FG, SIDECAR);
    }

    @Test
    void explainsEveryMismatch() {
        assertTrue(fails(alignment(160, 640, 10, 1, 0, 1, 2)).contains("640x180 background, but bg.mp4 is 320x180"));
        assertTrue(fails(alignment(150, 320, 10, 1, 0, 1, 2)).contains("150x90 foreground, but fg.mp4 is 160x90"));
        assertTrue(fails(alignment(160, 320, 10, 1, 0, 1)).contains("maps 2 fg frames, but fg.mp4 has 3"));
        assertTrue(fails(alignment(160, 320, 10, 1, 0, 1, 200)).contains("puts bg frame 200 under fg frame 2"));
        assertTrue(fails(alignment(160, 320, 10, 1, 0, -1, 2)).contains("puts bg frame -1 under fg frame 1"));
        assertTrue(fails(alignment(160, 320, 10, 0, 0, 1, 2)).contains("not usable"));
        assertTrue(fails(alignment(160, 320, 330, 1, 0, 1, 2)).contains("entirely outside"));
    }
}
