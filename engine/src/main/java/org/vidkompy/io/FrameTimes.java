package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;

/**
 * The presentation timestamp of every video frame, from a demux-only pass (no decoding): what an
 * exact {@link FrameReader#seek(double, int)} to a frame index needs when the frame rate is
 * variable or not to be trusted. Values are relative to the stream start, like
 * {@link FrameReader#pts()}.
 */
public final class FrameTimes {

    private final long[] pts;
    private final Rational timeBase;

    private FrameTimes(long[] pts, Rational timeBase) {
        this.pts = pts;
        this.timeBase = timeBase;
    }

    public static FrameTimes scan(Path path) {
        try (Demuxer d = Demuxer.openVideo(path)) {
            AVStream vs = d.videoStream();
            long start = vs.start_time() != AV_NOPTS_VALUE ? vs.start_time() : 0;
            int v = d.videoStreamIndex();
            long[] found = new long[1024];
            int n = 0;
            AVPacket pkt = av_packet_alloc();
            try {
                while (d.read(pkt)) {
                    // Empty packets are index placeholders, not frames (see VideoProbe).
                    if (pkt.stream_index() == v && pkt.size() > 0) {
                        long p = pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                        if (n == found.length) {
                            found = Arrays.copyOf(found, n * 2);
                        }
                        found[n++] = p - start;
                    }
                    av_packet_unref(pkt);
                }
            } finally {
                av_packet_free(pkt);
            }
            long[] sorted = Arrays.copyOf(found, n);
            // Packets come in decode order; frames are shown in timestamp order.
            Arrays.sort(sorted);
            return new FrameTimes(sorted, Rational.of(vs.time_base()));
        }
    }

    public int count() {
        return pts.length;
    }

    /** Timestamp of frame {@code i} in the stream's time base. */
    public long pts(int i) {
        return pts[i];
    }

    public double seconds(int i) {
        return pts[i] * timeBase.toDouble();
    }

    public Rational timeBase() {
        return timeBase;
    }
}
