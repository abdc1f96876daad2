package org.vidkompy.testkit;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;

/**
 * An H.264 clip whose picture changes completely at each of {@code cuts}: the encoder starts a new
 * group of pictures there, so the clip has key frames inside it and can be decoded in parts.
 * Every frame differs from the one before (a pattern that moves a few pixels a frame).
 */
public final class CutClip {

    private CutClip() {
    }

    public static Path write(Path out, int width, int height, int frames, int... cuts) {
        ByteBuffer rgb = ByteBuffer.allocateDirect(width * height * 3);
        try (VideoWriter w = VideoWriter.create(out, WriterOptions.of(width, height, new Rational(25, 1)))) {
            for (int i = 0; i < frames; i++) {
                int shot = 0;
                for (int c : cuts) {
                    shot += i >= c ? 1 : 0;
                }
                boolean after = shot % 2 == 1;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int u = after ? 255 - x : x;
                        int v = (u * 3 + y * (2 + 5 * shot) + i * 4) & 0xff;
                        int grid = ((u + 2 * i) / 16 + y / 16) % 2 == 0 ? 40 : 0;
                        int at = (y * width + x) * 3;
                        rgb.put(at, (byte) (v / 2 + grid));
                        rgb.put(at + 1, (byte) (after ? 200 - v / 2 : v / 3 + grid));
                        rgb.put(at + 2, (byte) (after ? grid : 255 - v / 2));
                    }
                }
                w.write(rgb, i);
            }
            w.finish();
        }
        return out;
    }
}
