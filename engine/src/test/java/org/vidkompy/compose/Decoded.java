package org.vidkompy.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;

/** Every frame of a (small) video decoded into memory, with its timestamp. */
record Decoded(int width, int height, List<byte[]> frames, List<Long> pts, List<Double> seconds) {

    static Decoded of(Path file) {
        MediaClip v = new VideoProbe().probe(file);
        List<byte[]> frames = new ArrayList<>();
        List<Long> pts = new ArrayList<>();
        List<Double> secs = new ArrayList<>();
        try (FrameReader r = FrameReader.open(file, ReaderOptions.of(FrameFormat.of(PixelLayout.RGB24, v.width(),
                v.height())))) {
            while (r.next()) {
                byte[] f = new byte[v.width() * v.height() * 3];
                r.output(0).copyTo(f);
                frames.add(f);
                pts.add(r.pts());
                secs.add(r.timestamp());
            }
        }
        return new Decoded(v.width(), v.height(), frames, pts, secs);
    }

    int count() {
        return frames.size();
    }

    byte[] frame(int i) {
        return frames.get(i);
    }
}
