package org.vidkompy.ofx.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.PixelDepth;
import org.vidkompy.ofx.image.RectI;

/** A video decoded the way the test host is fed: packed RGBA8 frames, top row first. */
record Decoded(int width, int height, List<byte[]> rgba) {

    static Decoded read(Path file) {
        List<byte[]> frames = new ArrayList<>();
        int w;
        int h;
        try (FrameReader probe = FrameReader.open(file, ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, 16, 16)))) {
            w = probe.width();
            h = probe.height();
        }
        try (FrameReader r = FrameReader.open(file, ReaderOptions.of(FrameFormat.of(PixelLayout.RGBA, w, h)))) {
            while (r.next()) {
                byte[] px = new byte[w * h * 4];
                r.output(0).copyTo(px);
                frames.add(px);
            }
        }
        return new Decoded(w, h, frames);
    }

    /** Frame i as RGB24 (what the CLI's compositor is fed). */
    byte[] rgb(int i) {
        byte[] src = rgba.get(i);
        byte[] out = new byte[width * height * 3];
        for (int p = 0, q = 0; p < src.length; p += 4, q += 3) {
            out[q] = src[p];
            out[q + 1] = src[p + 1];
            out[q + 2] = src[p + 2];
        }
        return out;
    }

    /** Frame i as a host would hand it out: rows top-down in memory, so negative row bytes. */
    ImageView view(int i) {
        ByteBuffer b = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder());
        b.put(rgba.get(i)).flip();
        int stride = width * 4;
        return ImageView.wrap(b, (long) (height - 1) * stride, new RectI(0, 0, width, height), -stride, PixelDepth.BYTE);
    }

    /** Frame i in float RGBA, bottom row first (positive row bytes). */
    ImageView floatView(int i) {
        ByteBuffer b = ByteBuffer.allocateDirect(width * height * 16).order(ByteOrder.nativeOrder());
        byte[] src = rgba.get(i);
        for (int row = height - 1; row >= 0; row--) {
            for (int x = 0; x < width * 4; x++) {
                b.putFloat((src[row * width * 4 + x] & 0xff) / 255f);
            }
        }
        b.flip();
        return ImageView.wrap(b, 0, new RectI(0, 0, width, height), width * 16, PixelDepth.FLOAT);
    }
}
