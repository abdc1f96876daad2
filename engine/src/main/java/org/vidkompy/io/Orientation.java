package org.vidkompy.io;

import org.vidkompy.image.PixelRect;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * How the stored picture is turned to be shown: the quarter-turn rotation and mirroring of the
 * stream's display matrix (phones store portrait footage landscape and tag it). Players apply it,
 * so vidkompy does too: it reads, analyses and composites what people see, and writes outputs
 * that need no tag.
 *
 * <p>The matrix maps a stored pixel (x, y) to the shown one: x' = a x + c y, y' = b x + d y, plus
 * the shift that keeps coordinates non-negative (FFmpeg's libavutil/display.h convention).
 * Other angles than quarter turns are ignored, as FFmpeg's own autorotation does.
 */
public final class Orientation {

    public static final Orientation NONE = new Orientation(1, 0, 0, 1);

    private final int a;
    private final int b;
    private final int c;
    private final int d;

    private Orientation(int a, int b, int c, int d) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    /** The orientation tagged on a stream, or {@link #NONE}. */
    static Orientation of(AVCodecParameters par) {
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 9 * 4) {
            return NONE;
        }
        IntPointer m = new IntPointer(new BytePointer(sd.data()));
        return fromMatrix(m.get(0), m.get(1), m.get(3), m.get(4));
    }

    /** From the 2x2 part of a display matrix in 16.16 fixed point. */
    static Orientation fromMatrix(int m0, int m1, int m3, int m4) {
        int a = unit(m0);
        int b = unit(m1);
        int c = unit(m3);
        int d = unit(m4);
        boolean straight = b == 0 && c == 0 && a != 0 && d != 0;
        boolean turned = a == 0 && d == 0 && b != 0 && c != 0;
        return straight || turned ? new Orientation(a, b, c, d) : NONE;
    }

    private static int unit(int fixed) {
        return fixed > 0x8000 ? 1 : fixed < -0x8000 ? -1 : 0;
    }

    public boolean isNone() {
        return a == 1 && b == 0 && c == 0 && d == 1;
    }

    /** Whether the shown picture is the stored one turned on its side (width and height swap). */
    public boolean swapsAxes() {
        return a == 0;
    }

    /** Whether the shown picture is mirrored (after rotating). */
    public boolean mirrored() {
        return a * d - b * c < 0;
    }

    /** Clockwise rotation in degrees (0, 90, 180 or 270) that comes before the mirroring, if any. */
    public int degreesCw() {
        // Undo the mirror (negate the shown x) to leave the turn; then where the stored x axis
        // (1, 0) points when shown, (a, b) with y downwards, tells the angle.
        int ra = mirrored() ? -a : a;
        return ra == 1 ? 0 : b == 1 ? 90 : ra == -1 ? 180 : 270;
    }

    public int shownWidth(int storedWidth, int storedHeight) {
        return swapsAxes() ? storedHeight : storedWidth;
    }

    public int shownHeight(int storedWidth, int storedHeight) {
        return swapsAxes() ? storedWidth : storedHeight;
    }

    /** The stored-picture rectangle that shows as {@code shown} in a stored picture of this size. */
    PixelRect toStored(PixelRect shown, int storedWidth, int storedHeight) {
        int sw = shownWidth(storedWidth, storedHeight);
        int sh = shownHeight(storedWidth, storedHeight);
        int x0 = storedX(shown.x(), shown.y(), sw, sh);
        int y0 = storedY(shown.x(), shown.y(), sw, sh);
        int x1 = storedX(shown.x() + shown.width() - 1, shown.y() + shown.height() - 1, sw, sh);
        int y1 = storedY(shown.x() + shown.width() - 1, shown.y() + shown.height() - 1, sw, sh);
        return new PixelRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0) + 1, Math.abs(y1 - y0) + 1);
    }

    // The inverse of an orthogonal matrix is its transpose: x = a x' + b y', y = c x' + d y'.
    private int storedX(int x, int y, int sw, int sh) {
        return a * x + b * y + (a < 0 ? sw - 1 : 0) + (b < 0 ? sh - 1 : 0);
    }

    private int storedY(int x, int y, int sw, int sh) {
        return c * x + d * y + (c < 0 ? sw - 1 : 0) + (d < 0 ? sh - 1 : 0);
    }

    /**
     * Copies a stored picture ({@code width x height}, {@code channels} bytes a pixel, rows
     * {@code stride} pixels apart) into {@code dst}, packed, as shown. One pass of plain index
     * arithmetic; run on the converted, usually small, buffers rather than on full decoded frames.
     */
    void apply(ByteBuffer src, int width, int height, int stride, int channels, ByteBuffer dst) {
        int sw = shownWidth(width, height);
        int sh = shownHeight(width, height);
        int start = (storedY(0, 0, sw, sh) * stride + storedX(0, 0, sw, sh)) * channels;
        int stepX = (c * stride + a) * channels;
        int stepY = (d * stride + b) * channels;
        int o = 0;
        for (int y = 0; y < sh; y++) {
            int s = start + y * stepY;
            for (int x = 0; x < sw; x++, s += stepX) {
                for (int k = 0; k < channels; k++) {
                    dst.put(o++, src.get(s + k));
                }
            }
        }
    }

    @Override
    public String toString() {
        return degreesCw() + " deg" + (mirrored() ? " mirrored" : "");
    }
}
