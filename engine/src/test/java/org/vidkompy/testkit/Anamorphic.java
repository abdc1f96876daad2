package org.vidkompy.testkit;

import java.nio.file.Path;
import org.vidkompy.io.Rational;

/**
 * Re-encodes a file as anamorphic footage is stored: its picture resampled to another size and
 * tagged with the pixel aspect that shows it as before (a 320x180 picture stored 240x180 with pixels
 * 4:3 wide, as HDV and widescreen DVDs store theirs). Frame times are kept.
 */
public final class Anamorphic {

    private Anamorphic() {
    }

    public static Path store(Path in, Path out, int width, int height, Rational pixelAspect) {
        return Reencode.at(width, height).pixelAspect(pixelAspect).crf(16).write(in, out, null);
    }
}
