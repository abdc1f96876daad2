package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_sample_aspect_ratio;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avio_size;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.BytePointer;

/**
 * Reads what a video file holds. Frame count and duration are measured from the packets rather
 * than trusted from the header: a demux pass costs little next to decoding and is always exact.
 */
public final class VideoProbe {

    public MediaClip probe(Path path) {
        try (Demuxer d = Demuxer.openVideo(path)) {
            AVStream vs = d.videoStream();
            AVCodecParameters par = vs.codecpar();
            if (par.width() <= 0 || par.height() <= 0) {
                throw new MediaException(path, "video stream has no picture size");
            }
            // Taken before reading: demuxers without an index add entries while they read.
            long indexed = avformat_index_get_entries_count(vs);
            PacketCount counted = countPackets(d);
            if (counted.videoPackets == 0 && counted.readError == null) {
                throw new MediaException(path, "video stream holds no frames");
            }
            checkComplete(path, counted, indexed);
            double tb = Rational.of(vs.time_base()).toDouble();
            double duration = counted.videoSpanTicks > 0 ? counted.videoSpanTicks * tb
                    : d.context().duration() / 1e6;
            Rational nominal = Rational.of(vs.r_frame_rate());
            double average = duration > 0 ? counted.videoPackets / duration : nominal.toDouble();
            // Sizes as players show the picture: the reader turns frames the same way.
            Orientation o = Orientation.of(par);
            int w = o.shownWidth(par.width(), par.height());
            int h = o.shownHeight(par.width(), par.height());
            return new MediaClip(path, w, h, nominal, average, counted.videoPackets,
                    duration, o.degreesCw(), pixelFormatName(par.format()),
                    avcodec_get_name(par.codec_id()).getString(), audioInfo(d, counted),
                    counted.times(vs), pixelAspect(d, vs, o), w, h);
        }
    }

    /**
     * The shown picture's pixel aspect: the container's, else the codec's (FFmpeg's own choice), turned
     * with the picture. Nonsense (zero, or beyond 1:8..8:1) is taken as square, as players take it.
     */
    private static Rational pixelAspect(Demuxer d, AVStream vs, Orientation o) {
        Rational sar = Rational.of(av_guess_sample_aspect_ratio(d.context(), vs, null));
        if (!sar.isValid() || sar.toDouble() < 0.125 || sar.toDouble() > 8) {
            return MediaClip.SQUARE;
        }
        return o.swapsAxes() ? new Rational(sar.den(), sar.num()) : sar;
    }

    /**
     * Truncated means reading stopped early: a read error, the file ending inside a packet, or
     * fewer packets than the container's own index lists (a cut MP4 keeps its full index at the
     * front). The header's frame count alone proves nothing: AVI stream headers count empty
     * index entries too, so an intact AVI can promise twice the frames it holds.
     */
    private static void checkComplete(Path path, PacketCount c, long indexed) {
        if (c.readError != null) {
            throw new MediaException(path, c.readError + " after " + c.videoPackets + " frames");
        }
        if (indexed > c.videoPackets) {
            throw new MediaException(path, "truncated: the index lists " + indexed
                    + " frames but the file holds only " + c.videoPackets);
        }
        if (c.endsMidPacket) {
            throw new MediaException(path, "truncated: the file ends in the middle of a packet, after "
                    + c.videoPackets + " frames");
        }
    }

    private static String pixelFormatName(int fmt) {
        BytePointer p = av_get_pix_fmt_name(fmt);
        return p == null || p.isNull() ? "unknown" : p.getString();
    }

    private static Optional<AudioInfo> audioInfo(Demuxer d, PacketCount counted) {
        AVStream as = d.audioStream();
        if (as == null) {
            return Optional.empty();
        }
        AVCodecParameters par = as.codecpar();
        double duration = counted.audioSpanTicks > 0
                ? counted.audioSpanTicks * Rational.of(as.time_base()).toDouble() : 0;
        return Optional.of(new AudioInfo(d.audioStreamIndex(), avcodec_get_name(par.codec_id()).getString(),
                par.sample_rate(), par.ch_layout().nb_channels(), duration));
    }

    private static final class PacketCount {
        /** Video packet timestamps in demux (decode) order. */
        long[] pts = new long[1024];
        /** Timestamps of the video packets flagged as key frames. */
        long[] keyPts = new long[64];
        int keyPackets;
        long videoPackets;
        long videoSpanTicks;
        long audioSpanTicks;
        String readError;
        boolean endsMidPacket;

        /** Reads whether each H.264 picture is a reference; null for other codecs. */
        H264References references;
        /** Per video packet, in decode order: 1 a reference picture, 0 not, -1 not told. */
        byte[] reference = new byte[1024];

        void add(long pts, boolean key, int isReference) {
            int at = (int) videoPackets;
            if (at == reference.length) {
                reference = Arrays.copyOf(reference, at * 2);
            }
            reference[at] = (byte) isReference;
            add(pts, key);
        }

        void add(long pts, boolean key) {
            if (key && pts != AV_NOPTS_VALUE) {
                if (keyPackets == keyPts.length) {
                    keyPts = Arrays.copyOf(keyPts, keyPackets * 2);
                }
                keyPts[keyPackets++] = pts;
            }
            int n = (int) videoPackets;
            if (n == this.pts.length) {
                this.pts = Arrays.copyOf(this.pts, n * 2);
            }
            this.pts[n] = pts;
            videoPackets++;
        }

        /**
         * Every frame's time from the stream start, in presentation order (packets come in decode
         * order). A packet without any timestamp takes its predecessor's.
         */
        FrameTimes times(AVStream vs) {
            long start = vs.start_time() != AV_NOPTS_VALUE ? vs.start_time() : 0;
            long[] sorted = Arrays.copyOf(pts, (int) videoPackets);
            for (int i = 0; i < sorted.length; i++) {
                long p = sorted[i] != AV_NOPTS_VALUE ? sorted[i] : (i > 0 ? sorted[i - 1] + start : start);
                sorted[i] = p - start;
            }
            Arrays.sort(sorted);
            int[] keys = keyIndices(sorted, start);
            BitSet nonReference = nonReference(sorted, start);
            return nonReference == null ? FrameTimes.of(sorted, Rational.of(vs.time_base()), keys)
                    : FrameTimes.of(sorted, Rational.of(vs.time_base()), keys, nonReference);
        }

        /**
         * Frames (by presentation index) no other frame is predicted from; null where some packet's
         * picture could not be told (not H.264, no slice found, untimed packets, two frames at one time).
         */
        private BitSet nonReference(long[] sorted, long start) {
            if (references == null) {
                return null;
            }
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    return null;
                }
            }
            BitSet out = new BitSet(sorted.length);
            for (int k = 0; k < videoPackets; k++) {
                if (pts[k] == AV_NOPTS_VALUE || reference[k] < 0) {
                    return null;
                }
                if (reference[k] == 0) {
                    out.set(Arrays.binarySearch(sorted, pts[k] - start));
                }
            }
            return out;
        }

        /**
         * Where each key packet falls among the frames; none where two frames share a time (which of
         * them a key packet is, only a decode tells).
         */
        private int[] keyIndices(long[] sorted, long start) {
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    return new int[0];
                }
            }
            int[] keys = new int[keyPackets];
            int n = 0;
            for (int k = 0; k < keyPackets; k++) {
                int at = Arrays.binarySearch(sorted, keyPts[k] - start);
                if (at >= 0) {
                    keys[n++] = at;
                }
            }
            keys = Arrays.copyOf(keys, n);
            Arrays.sort(keys);
            return keys;
        }
    }

    private static PacketCount countPackets(Demuxer d) {
        PacketCount c = new PacketCount();
        c.references = H264References.of(d.videoStream().codecpar());
        int v = d.videoStreamIndex();
        int a = d.audioStreamIndex();
        long vMin = Long.MAX_VALUE;
        long vMax = Long.MIN_VALUE;
        long aMin = Long.MAX_VALUE;
        long aMax = Long.MIN_VALUE;
        long fileSize = avio_size(d.context().pb());
        AVPacket pkt = av_packet_alloc();
        try {
            while (true) {
                try {
                    if (!d.read(pkt)) {
                        break;
                    }
                } catch (MediaException e) {
                    c.readError = e.problem();
                    break;
                }
                if ((pkt.flags() & AV_PKT_FLAG_CORRUPT) != 0 && pkt.pos() >= 0
                        && pkt.pos() + pkt.size() >= fileSize) {
                    // libavformat flags a packet cut short by the end of the file as corrupt.
                    c.endsMidPacket = true;
                }
                int s = pkt.stream_index();
                long pts = pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                if (s == v && pkt.size() > 0) {
                    c.add(pts, (pkt.flags() & AV_PKT_FLAG_KEY) != 0,
                            c.references != null ? c.references.reference(pkt) : -1);
                    if (pts != AV_NOPTS_VALUE) {
                        vMin = Math.min(vMin, pts);
                        vMax = Math.max(vMax, pts + Math.max(0, pkt.duration()));
                    }
                } else if (s == a && pts != AV_NOPTS_VALUE) {
                    aMin = Math.min(aMin, pts);
                    aMax = Math.max(aMax, pts + Math.max(0, pkt.duration()));
                }
                av_packet_unref(pkt);
            }
        } finally {
            av_packet_free(pkt);
        }
        c.videoSpanTicks = vMax > vMin ? vMax - vMin : 0;
        c.audioSpanTicks = aMax > aMin ? aMax - aMin : 0;
        return c;
    }
}
