package org.vidkompy.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.ContentBoxDetector;
import org.vidkompy.image.Plane;
import org.vidkompy.synth.Scene;
import org.vidkompy.synth.Viewport;

class ContentBoxDetectorTest {

    private final Scene scene = new Scene(5, 320, 180);
    private final ContentBoxDetector detector = new ContentBoxDetector();

    @Test
    void noBarsGivesFullFrame() {
        List<Plane> fg = List.of(picture(1, 200, 100), picture(30, 200, 100));
        assertEquals(PixelRect.full(200, 100), detector.detect(fg));
    }

    @Test
    void limitedRangePillarboxWithNoiseAndABlackSample() {
        List<Plane> fg = List.of(
                Frames.black(216, 100),
                Frames.noise(Frames.bars(picture(1, 180, 100), 20, 0, 16, 0, 16), 3, 1),
                Frames.noise(Frames.bars(picture(40, 180, 100), 20, 0, 16, 0, 16), 3, 2));
        PixelRect box = detector.detect(fg);
        System.out.println("pillarbox (limited-range black 16, noise 3): " + box);
        assertEquals(new PixelRect(20, 0, 180, 100), box);
    }

    @Test
    void barsMustBeDarkInEverySample() {
        // The top rows are dark in one sample only (a dark sky at dusk): not a bar.
        Plane bright = Frames.bars(picture(1, 200, 90), 0, 10, 0, 0, 200);
        Plane dark = Frames.bars(picture(50, 200, 90), 0, 10, 0, 0, 5);
        assertEquals(PixelRect.full(200, 100), detector.detect(List.of(bright, dark)));
    }

    private Plane picture(int frame, int w, int h) {
        return Frames.render(scene, frame, new Viewport(20, 30, 1, w, h));
    }
}
