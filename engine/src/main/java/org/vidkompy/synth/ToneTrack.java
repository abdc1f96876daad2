package org.vidkompy.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated test tone whose pitch encodes time: a chirp whose frequency rises linearly,
 * {@code f(t) = base + slope*t}, so measuring the pitch anywhere in the track tells where it is.
 * Written as 16-bit PCM WAV; the video writer turns it into AAC.
 */
public final class ToneTrack {

    public static final int RATE = 48_000;

    private ToneTrack() {
    }

    /** Frequency at time {@code t} of a track made with {@code base} and {@code slope}. */
    public static double frequencyAt(double base, double slope, double t) {
        return base + slope * t;
    }

    public static void writeWav(Path file, double seconds, double base, double slope) throws IOException {
        int n = (int) Math.round(seconds * RATE);
        ByteBuffer b = ByteBuffer.allocate(44 + n * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + n * 4).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(RATE)
                .putInt(RATE * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(n * 4);
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            // Phase is the integral of the frequency.
            double phase = 2 * Math.PI * (base * t + 0.5 * slope * t * t);
            short s = (short) Math.round(Math.sin(phase) * 12000);
            b.putShort(s).putShort(s);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b.array());
        }
    }
}
