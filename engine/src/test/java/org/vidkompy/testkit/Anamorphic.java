package org.vidkompy.testkit;

import java.nio.file.Path;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.Rational;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;

/**
 * Re-encodes a file as anamorphic footage is stored: its picture resampled to another size and
 * tagged with the pixel aspect that shows it as before (a 320x180 picture stored 240x180 with pixels
 * 4:3 wide, as HDV and widescreen DVDs store theirs). Frame times are kept.
 */
public final class Anamorphic {

    private Anamorphic() {
    }

    public static Path store(Path in, Path out, int width, int height, Rational pixelAspect) {
        try (FrameReader r = FrameReader.open(in, ReaderOptions.of(FrameFormat.of(PixelLayout.RGB24, width, height)));
             VideoWriter w = VideoWriter.create(out, WriterOptions.of(width, height, new Rational(25, 1))
                     .withTimeBase(r.timeBase()).withQuality(16, "veryfast").withPixelAspect(pixelAspect)
                     .repeatably())) {
            while (r.next()) {
                w.write(r.output(0).pixels(), r.pts());
            }
            w.finish();
        }
        return out;
    }
}
