package org.vidkompy.io;

import org.bytedeco.ffmpeg.avutil.AVRational;

/** An exact ratio, as FFmpeg keeps time bases and frame rates. */
public record Rational(int num, int den) {

    public static Rational of(AVRational r) {
        return new Rational(r.num(), r.den());
    }

    public boolean isValid() {
        return num > 0 && den > 0;
    }

    public double toDouble() {
        return den == 0 ? 0 : (double) num / den;
    }

    public AVRational toAv() {
        return new AVRational().num(num).den(den);
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }
}
