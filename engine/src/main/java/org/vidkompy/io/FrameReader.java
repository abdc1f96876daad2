package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BYTE;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes the video stream of a file frame by frame in presentation order. Each frame is converted
 * into the configured {@link FrameFormat}s, into buffers allocated once; nothing per frame is
 * allocated on the Java heap.
 *
 * <pre>{@code
 * try (FrameReader r = FrameReader.open(path, ReaderOptions.of(FrameFormat.of(GRAY8, 64, 36)))) {
 *     while (r.next()) { use(r.index(), r.timestamp(), r.output(0)); }
 * }
 * }</pre>
 *
 * <p>Over 250 lines because decoding, seeking, damage concealment and the frame counter share the
 * decoder's state machine (send/receive, drain at the end, flush on seek); split up, each part would
 * need the others' internals.
 */
public final class FrameReader implements AutoCloseable {

    /** libavcodec's FF_THREAD_FRAME | FF_THREAD_SLICE; the preset does not map these macros. */
    private static final int FRAME_AND_SLICE_THREADS = 1 | 2;

    private final Demuxer demuxer;
    private final AVStream stream;
    private final int streamIndex;
    private final double timeBase;
    private final long startPts;
    /** The stream's display matrix: outputs come turned as players show the picture. */
    private final Orientation orientation;
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame frame;
    private final List<FrameConverter> converters;
    private final List<FrameBuffer> buffers;
    private final List<FrameConverter> lazyConverters = new ArrayList<>();
    private final List<FrameBuffer> lazyBuffers = new ArrayList<>();
    /** Per on-demand output: the frame serial it was last converted for. */
    private long[] lazyDone = new long[0];
    private long serial;
    private final double fpsForEstimates;

    private boolean draining;
    private boolean finished;
    private boolean damaged;
    private int index = -1;
    private boolean indexExact = true;
    private long pts;
    private int decodeErrors;
    /** Errors since the last good frame: a decoder that never recovers ends the stream as damaged. */
    private int consecutiveErrors;
    /** An exact seek has already decoded the target frame; the next decode hands it out. */
    private boolean pendingFrame;
    /**
     * Ticks by which the decoder's times trail the packets' in a stream without presentation times
     * (AVI): libavcodec stamps each frame with the decode time of the packet in hand when it comes
     * out, a reorder delay late. Learnt from the stream's first frame, whose time is its packet's (a
     * key frame found by a seek may be shown after frames that follow it in the file, so it can't tell).
     */
    private long lag;
    private boolean lagKnown;
    /** Learning the lag: the first frame out is the stream's first. */
    private boolean lagPending = true;
    /** The stream's first packet: its decode time where it has no presentation time. */
    private long lagFrom = AV_NOPTS_VALUE;
    private boolean lagPacketSeen;
    /** Key-frame mode ({@link #keyFramesOnly}): told every video packet's pts; null otherwise. */
    private java.util.function.LongConsumer packetTimes;

    private FrameReader(Demuxer demuxer, ReaderOptions options) {
        this.demuxer = demuxer;
        this.stream = demuxer.videoStream();
        this.streamIndex = demuxer.videoStreamIndex();
        this.timeBase = Rational.of(stream.time_base()).toDouble();
        this.startPts = stream.start_time() != AV_NOPTS_VALUE ? stream.start_time() : 0;
        this.orientation = Orientation.of(stream.codecpar());
        Rational avg = Rational.of(stream.avg_frame_rate());
        this.fpsForEstimates = avg.isValid() ? avg.toDouble() : Rational.of(stream.r_frame_rate()).toDouble();
        this.converters = new ArrayList<>();
        this.buffers = new ArrayList<>();
        try {
            openDecoder(options);
            packet = av_packet_alloc();
            frame = av_frame_alloc();
            for (FrameFormat f : options.outputs()) {
                FrameConverter c = new FrameConverter(f, orientation);
                converters.add(c);
                buffers.add(new FrameBuffer(f, c.pixels()));
            }
            for (FrameFormat f : options.onDemand()) {
                FrameConverter c = new FrameConverter(f, orientation);
                lazyConverters.add(c);
                lazyBuffers.add(new FrameBuffer(f, c.pixels()));
            }
            lazyDone = new long[lazyConverters.size()];
            java.util.Arrays.fill(lazyDone, -1);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static FrameReader open(Path path, ReaderOptions options) {
        Demuxer d = Demuxer.openVideo(path);
        try {
            return new FrameReader(d, options);
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private void openDecoder(ReaderOptions options) {
        Path path = demuxer.path();
        AVCodec dec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (dec == null || dec.isNull()) {
            throw new MediaException(path, "no decoder for video codec '"
                    + avcodec_get_name(stream.codecpar().codec_id()).getString() + "'");
        }
        codec = avcodec_alloc_context3(dec);
        FFmpeg.check(avcodec_parameters_to_context(codec, stream.codecpar()), path, "cannot set up decoder");
        codec.thread_count(Math.max(0, options.threads()));
        codec.thread_type(FRAME_AND_SLICE_THREADS);
        codec.pkt_timebase(stream.time_base());
        if (options.skipLoopFilter()) {
            codec.skip_loop_filter(AVDISCARD_ALL);
        }
        if (options.referenceOnly()) {
            codec.skip_frame(AVDISCARD_NONREF);
        }
        FFmpeg.check(avcodec_open2(codec, dec, (AVDictionary) null), path, "cannot open decoder");
    }

    public Path path() {
        return demuxer.path();
    }

    /** Width of the picture as shown (after the stream's rotation), like {@link MediaClip#width()}. */
    public int width() {
        return orientation.shownWidth(codec.width(), codec.height());
    }

    public int height() {
        return orientation.shownHeight(codec.width(), codec.height());
    }

    public Orientation orientation() {
        return orientation;
    }

    /**
     * Decodes the next frame and fills every output.
     *
     * @return false at the end of the stream
     */
    public boolean next() {
        if (!decode()) {
            return false;
        }
        for (FrameConverter c : converters) {
            c.convert(frame, demuxer.path());
        }
        return true;
    }

    /** Converts the current frame (after {@link #skip()}) into the outputs after all. */
    public void convertCurrent() {
        for (FrameConverter c : converters) {
            c.convert(frame, demuxer.path());
        }
    }

    /** Decodes the next frame without converting it (cheaper, for frames nobody will look at). */
    public boolean skip() {
        return decode();
    }

    /**
     * From now on only key frames are decoded (the other packets are read, not decoded: a look over a
     * long clip for a fraction of the decode), and every video packet's presentation time, relative to
     * the stream start in {@link #timeBase()} units ({@link Long#MIN_VALUE} where a packet has none), is
     * told to {@code packetTimes}, so frame numbers can be worked out from them. {@link #index()} counts
     * the decoded frames only.
     */
    public void keyFramesOnly(java.util.function.LongConsumer packetTimes) {
        this.packetTimes = packetTimes;
    }

    /** Decode errors in a row after which the rest of the stream counts as lost. */
    static final int MAX_CONSECUTIVE_ERRORS = 256;

    /** libavcodec's AV_PKT_FLAG_KEY. */
    private static final int PACKET_FLAG_KEY = 1;

    /** libavutil's AV_FRAME_FLAG_KEY, which the preset does not map. */
    private static final int FRAME_FLAG_KEY = 1 << 1;

    /** Whether the current frame is a key frame (decoding can start here after a seek). */
    public boolean keyFrame() {
        return (frame.flags() & FRAME_FLAG_KEY) != 0;
    }

    /** 0-based position of the current frame in presentation order. */
    public int index() {
        return index;
    }

    /** False after a seek, until the caller re-establishes the index with {@link #seek(double, int)}. */
    public boolean indexExact() {
        return indexExact;
    }

    /** Presentation time of the current frame in seconds from the start of the stream. */
    public double timestamp() {
        return (pts - startPts) * timeBase;
    }

    /** Presentation time in the stream's own time base, relative to the stream start. */
    public long pts() {
        return pts - startPts;
    }

    public Rational timeBase() {
        return Rational.of(stream.time_base());
    }

    public FrameBuffer output(int i) {
        return buffers.get(i);
    }

    /** On-demand output {@code i} for the current frame, converted now if it was not yet. */
    public FrameBuffer onDemand(int i) {
        if (lazyDone[i] != serial) {
            lazyConverters.get(i).convert(frame, demuxer.path());
            lazyDone[i] = serial;
        }
        return lazyBuffers.get(i);
    }

    /**
     * On-demand output {@code i} for the current frame, converted into {@code target} (the output's
     * layout from position 0, e.g. a render's canvas) rather than into the reader's own buffer: a
     * frame that needs no more than a copy of its planes is copied there once.
     */
    public void onDemandInto(int i, ByteBuffer target) {
        lazyConverters.get(i).convertInto(frame, demuxer.path(), target);
    }

    /** The same into planes on the heap: a frame that needs no more than a copy is copied once. */
    public void onDemandInto(int i, byte[] target) {
        lazyConverters.get(i).convertInto(frame, demuxer.path(), target);
    }

    public List<FrameBuffer> outputs() {
        return Collections.unmodifiableList(buffers);
    }

    /** True when the stream ended early on a read error (damaged or truncated file). */
    public boolean damaged() {
        return damaged;
    }

    /** Packets or frames the decoder rejected (skipped, as players do). */
    public int decodeErrors() {
        return decodeErrors;
    }

    /**
     * Positions the reader so that the next {@link #next()} returns the key frame at or before
     * {@code seconds}. Frame indices afterwards are estimates from the frame rate.
     */
    public void seek(double seconds) {
        long target = startPts + Math.round(seconds / timeBase);
        FFmpeg.check(av_seek_frame(demuxer.context(), streamIndex, target, AVSEEK_FLAG_BACKWARD),
                demuxer.path(), "cannot seek to " + seconds + " s");
        flushed();
    }

    private void flushed() {
        avcodec_flush_buffers(codec);
        draining = false;
        finished = false;
        indexExact = false;
        index = -1;
        lagPending = false;
    }

    /**
     * Learns {@link #lag} from the stream's first frame where no frame was read yet; a stream whose
     * first packet has a presentation time needs no decode. Leaves the position anywhere.
     */
    private void learnLag() {
        seek(0);
        while (demuxer.readToEndOrDamage(packet)) {
            boolean video = packet.stream_index() == streamIndex && packet.size() > 0;
            boolean timed = packet.pts() != AV_NOPTS_VALUE;
            av_packet_unref(packet);
            if (video && timed) {
                lagKnown = true;
                return;
            }
            if (video) {
                break;
            }
        }
        seek(0);
        lagPending = true;
        lagPacketSeen = false;
        decode();
    }

    /**
     * Back to the first byte, where the format allows seeking by position (a time seek in a file
     * without an index can land after its first key frame); false where it does not.
     */
    private boolean rewind() {
        if (av_seek_frame(demuxer.context(), -1, 0, AVSEEK_FLAG_BYTE) < 0) {
            return false;
        }
        flushed();
        return true;
    }

    /**
     * Seeks so that the next {@link #next()} returns the frame whose presentation time is
     * {@code seconds} (the first frame at or after it), which is known to have index
     * {@code frameIndex}: frames between the key frame and the target are decoded but not converted.
     */
    public void seek(double seconds, int frameIndex) {
        if (!lagKnown) {
            learnLag();
        }
        double eps = 0.25 / Math.max(1, fpsForEstimates);
        // Files without an index (MPEG-TS and PS: broadcast and DVD) are sought by bisecting them,
        // which can land after the key frame the target needs: the decoder then starts at the next
        // key frame, past the target, or finds none before the end. Each miss seeks from further back,
        // then from the first byte; a frame past the target is taken only where nothing finds one nearer.
        for (double back = 0; ; back = back == 0 ? 1 : back * 4) {
            double from = Math.max(0, seconds - back);
            seek(from);
            if (landOn(seconds, eps, frameIndex, false)) {
                return;
            }
            if (from == 0) {
                break;
            }
        }
        if (rewind() && landOn(seconds, eps, frameIndex, false)) {
            return;
        }
        seek(0);
        if (!landOn(seconds, eps, frameIndex, true)) {
            throw new MediaException(demuxer.path(), "cannot seek to frame " + frameIndex + " at " + seconds + " s");
        }
    }

    /**
     * Decodes on to the frame at {@code seconds} and keeps it for the next {@link #next()} as frame
     * {@code frameIndex}; false where the frames run past it ({@code late}: takes the first after it)
     * or end first.
     */
    private boolean landOn(double seconds, double eps, int frameIndex, boolean late) {
        while (decode()) {
            double t = timestamp();
            if (t >= seconds - eps) {
                if (t > seconds + eps && !late) {
                    return false;
                }
                pendingFrame = true;
                index = frameIndex - 1;
                indexExact = true;
                return true;
            }
        }
        return false;
    }

    private boolean decode() {
        if (pendingFrame) {
            // seek(seconds, index) already decoded the target frame; hand it out now.
            pendingFrame = false;
            index++;
            return true;
        }
        if (finished) {
            return false;
        }
        while (true) {
            int r = avcodec_receive_frame(codec, frame);
            if (r >= 0) {
                serial++;
                consecutiveErrors = 0;
                long p = frame.best_effort_timestamp();
                if (lagPending) {
                    lagPending = false;
                    lagKnown = true;
                    lag = lagFrom != AV_NOPTS_VALUE && p != AV_NOPTS_VALUE ? Math.max(0, p - lagFrom) : 0;
                }
                pts = p != AV_NOPTS_VALUE ? p - lag : (index < 0 ? startPts : pts + 1);
                if (indexExact || index >= 0) {
                    index++;
                } else {
                    index = (int) Math.round(timestamp() * fpsForEstimates);
                }
                return true;
            }
            if (r == AVERROR_EOF) {
                finished = true;
                return false;
            }
            if (r != AVERROR_EAGAIN()) {
                // A damaged frame: skip it and go on with the next packets, as ffmpeg and players do.
                decodeErrors++;
                if (++consecutiveErrors > MAX_CONSECUTIVE_ERRORS) {
                    throw new MediaException(demuxer.path(), "damaged: no frame decodes after frame " + index
                            + " (" + FFmpeg.describe(r) + ")");
                }
            }
            feed();
        }
    }

    /** Sends the next packet of the video stream to the decoder, or the end-of-stream marker. */
    private void feed() {
        if (draining) {
            // The decoder wants input but there is none: it will report EOF on the next receive.
            avcodec_send_packet(codec, null);
            return;
        }
        while (true) {
            boolean got;
            try {
                got = demuxer.read(packet);
            } catch (MediaException e) {
                damaged = true;
                got = false;
            }
            if (!got) {
                draining = true;
                avcodec_send_packet(codec, null);
                return;
            }
            try {
                // An empty packet (an AVI index placeholder) holds no frame, and sending it would
                // tell the decoder the stream has ended.
                if (packet.stream_index() != streamIndex || packet.size() == 0) {
                    continue;
                }
                if (packetTimes != null) {
                    packetTimes.accept(packet.pts() == AV_NOPTS_VALUE ? Long.MIN_VALUE : packet.pts() - startPts);
                    if ((packet.flags() & PACKET_FLAG_KEY) == 0) {
                        continue;
                    }
                }
                if (!lagPacketSeen) {
                    lagPacketSeen = true;
                    lagFrom = packet.pts() == AV_NOPTS_VALUE ? packet.dts() : AV_NOPTS_VALUE;
                }
                int s = avcodec_send_packet(codec, packet);
                if (s < 0 && s != AVERROR_EAGAIN()) {
                    // A damaged packet: count it and go on, as players do.
                    decodeErrors++;
                    continue;
                }
                return;
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    @Override
    public void close() {
        for (FrameConverter c : converters) {
            c.close();
        }
        converters.clear();
        for (FrameConverter c : lazyConverters) {
            c.close();
        }
        lazyConverters.clear();
        if (frame != null) {
            av_frame_unref(frame);
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        demuxer.close();
    }
}
