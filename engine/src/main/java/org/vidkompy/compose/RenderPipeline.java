package org.vidkompy.compose;

import org.vidkompy.media.FrameRange;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameCursor;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.FrameTimes;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;

/**
 * Four stages on four threads, connected by bounded queues:
 *
 * <pre>
 *   decode fg ──fg frames──┐
 *                          ├─▶ composite ──canvases──▶ encode
 *   decode bg ──canvases───┘
 * </pre>
 *
 * The bg stage converts the bg frame under fg frame i into a free canvas, straight from the
 * decoder's planes (a bg frame shown under several fg frames is decoded once and copied for each);
 * the compositor draws the fg frame into that canvas in place; the encoder hands it to the sink,
 * which lends it to x264 without a copy, and returns it to the pool. All frame
 * memory is two small pools allocated once: up to {@value #CANVASES} full-size canvases (direct
 * buffers, which the encoder reads without a copy; as many as {@value #CANVAS_BUDGET} bytes hold,
 * but at least {@value #MIN_CANVASES}, so an 8K render keeps 2) and {@value #FG_FRAMES} fg frames. A stage that
 * finds its pool empty waits, which is the back-pressure that bounds memory; the pool sizes let
 * decoding run one or two frames ahead of encoding. Frames keep their fg index all the way, and
 * every stage checks it.
 *
 * <p>A {@link RenderCheck} sees every pair in the composite stage before the fg is drawn, and may
 * stop the render or, at the end, keep it from being published.
 *
 * <p>Frames travel in the compositor's layout: YUV 4:2:0 for the encoder (decoded straight into the
 * encoder's format, so the bg is never converted), or packed RGB24 for sinks that want pixels.
 */
final class RenderPipeline {

    /**
     * Enough for the bg decoder to work one frame ahead of compositing while the encoder copies
     * another: a fourth let it run further ahead for no measurable speed and 3 MB more per 1080p
     * canvas.
     */
    static final int CANVASES = 3;
    /**
     * Direct memory for the canvases. Direct buffers count against {@code -XX:MaxDirectMemorySize},
     * which defaults to the heap's maximum: four 8K canvases (400 MB) would take half of the
     * launcher's 768 MB. Fewer canvases only let decoding run less far ahead.
     */
    static final long CANVAS_BUDGET = 256L << 20;
    static final int MIN_CANVASES = 2;
    static final int FG_FRAMES = 3;
    /**
     * Cores per decoder thread. The encoder bounds a render, and each frame thread of an H.264
     * decoder holds its own context and frames in flight: on 2 cores, single-threaded decoders kept
     * up at every preset down to ultrafast (1080p pair: the same 10 s) and took 37 MB less RSS.
     */
    static final int CORES_PER_DECODER_THREAD = 4;

    private static final class FgFrame {
        final byte[] pixels;
        int index;
        long pts;

        FgFrame(int bytes) {
            pixels = new byte[bytes];
        }
    }

    private static final class Canvas {
        final ByteBuffer pixels;
        int index;
        long pts;

        Canvas(int bytes) {
            pixels = ByteBuffer.allocateDirect(bytes);
        }
    }

    private final Path bg;
    private final Path fg;
    private final int[] map;
    private final FrameRange range;
    private final FrameTimes fgTimes;
    private final FrameTimes bgTimes;
    private final FrameCompositor compositor;
    private final RenderCheck check;

    RenderPipeline(Path bg, Path fg, int[] map, FrameRange range, FrameTimes fgTimes, FrameTimes bgTimes,
                   FrameCompositor compositor, RenderCheck check) {
        this.check = check;
        this.bg = bg;
        this.fg = fg;
        this.map = map;
        this.range = range;
        this.fgTimes = fgTimes;
        this.bgTimes = bgTimes;
        this.compositor = compositor;
    }

    /** Renders the range into the sink and finishes it; returns the time each stage took. */
    List<StageTime> run(FrameSink sink, RenderListener listener) {
        OverlayGeometry g = compositor.geometry();
        int n = range.length();
        PixelLayout layout = compositor.layout();
        if (sink.layout() != layout) {
            throw new IllegalArgumentException("the sink takes " + sink.layout() + ", the compositor draws " + layout);
        }
        int canvasBytes = layout.bytes(g.bgWidth(), g.bgHeight());
        int fgBytes = layout.bytes(g.fgWidth(), g.fgHeight());
        int canvases = canvases(canvasBytes);
        BlockingQueue<Canvas> freeCanvases = new ArrayBlockingQueue<>(canvases);
        BlockingQueue<FgFrame> freeFg = new ArrayBlockingQueue<>(FG_FRAMES);
        for (int i = 0; i < canvases; i++) {
            freeCanvases.add(new Canvas(canvasBytes));
        }
        for (int i = 0; i < FG_FRAMES; i++) {
            freeFg.add(new FgFrame(fgBytes));
        }
        BlockingQueue<FgFrame> fgReady = new ArrayBlockingQueue<>(FG_FRAMES);
        BlockingQueue<Canvas> bgReady = new ArrayBlockingQueue<>(canvases);
        BlockingQueue<Canvas> composited = new ArrayBlockingQueue<>(canvases);
        long basePts = fgTimes.pts(range.first());
        check.begin(layout, g.fgWidth(), g.fgHeight(), g.bgWidth(), g.bgHeight());

        Stages stages = new Stages();
        stages.add("decode fg", clock -> {
            // Converted on demand straight into each fg frame's planes: one copy out of the decoder
            // (a BT.601 fg is re-expressed there in place).
            try (FrameReader r = FrameReader.open(fg, ReaderOptions.of().withOnDemand(FrameFormat.of(layout,
                    g.fgWidth(), g.fgHeight())).withThreads(decoderThreads()))) {
                if (range.first() > 0) {
                    r.seek(fgTimes.seconds(range.first()), range.first());
                }
                for (int k = 0; k < n; k++) {
                    int want = range.first() + k;
                    if (!r.next()) {
                        throw new MediaException(fg, "ends after " + (r.index() + 1) + " frames, but the alignment"
                                + " covers " + map.length);
                    }
                    if (r.index() != want) {
                        throw new MediaException(fg, "decoded frame " + r.index() + " where " + want + " was due");
                    }
                    FgFrame f = clock.take(freeFg);
                    r.onDemandInto(0, f.pixels);
                    f.index = want;
                    f.pts = r.pts() - basePts;
                    clock.put(fgReady, f);
                }
            }
        });
        stages.add("decode bg", clock -> {
            // Converted on demand straight into each canvas: a bg frame in the encoder's colours is
            // copied once, from the decoder into the canvas the encoder will read.
            try (FrameReader r = FrameReader.open(bg, ReaderOptions.of().withOnDemand(FrameFormat.of(layout,
                    g.bgWidth(), g.bgHeight())).withThreads(decoderThreads()))) {
                FrameCursor cursor = new FrameCursor(r, bgTimes);
                for (int k = 0; k < n; k++) {
                    int fgIndex = range.first() + k;
                    if (!cursor.moveTo(map[fgIndex])) {
                        throw new MediaException(r.path(), "ends before bg frame " + map[fgIndex]
                                + ", which the alignment puts under fg frame " + fgIndex);
                    }
                    Canvas c = clock.take(freeCanvases);
                    r.onDemandInto(0, c.pixels);
                    c.index = fgIndex;
                    clock.put(bgReady, c);
                }
            }
        });
        stages.add("composite", clock -> {
            for (int k = 0; k < n; k++) {
                FgFrame f = clock.take(fgReady);
                Canvas c = clock.take(bgReady);
                if (f.index != c.index) {
                    throw new IllegalStateException("fg frame " + f.index + " met the bg for " + c.index);
                }
                check.pair(f.index, f.pixels, map[f.index], c.pixels);
                compositor.composite(f.pixels, c.pixels);
                c.pts = f.pts;
                clock.put(freeFg, f);
                clock.put(composited, c);
            }
        });
        Stages.Clock encodeClock = stages.add("encode", clock -> {
            for (int k = 0; k < n; k++) {
                Canvas c = clock.take(composited);
                if (c.index != range.first() + k) {
                    throw new IllegalStateException("frame " + c.index + " arrived where " + (range.first() + k)
                            + " was due");
                }
                sink.write(c.pixels, c.pts);
                clock.put(freeCanvases, c);
                listener.framesWritten(k + 1, n);
            }
        });
        List<StageTime> times = stages.run();
        // Published only once every stage has succeeded and the check holds; counted as encoding (it
        // flushes the encoder).
        long t = System.nanoTime();
        check.finish();
        sink.finish(lastFrameDuration());
        encodeClock.addWork(System.nanoTime() - t);
        return List.of(times.get(0), times.get(1), times.get(2), encodeClock.time("encode"));
    }

    static int decoderThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / CORES_PER_DECODER_THREAD);
    }

    /** How many canvases of {@code bytes} each the pool holds. */
    static int canvases(long bytes) {
        return (int) Math.max(MIN_CANVASES, Math.min(CANVASES, CANVAS_BUDGET / Math.max(1, bytes)));
    }

    /**
     * A range that stops before the fg's last frame knows when its last frame ends: where the next
     * one starts. The fg's own last frame is left to the sink (it repeats the previous frame's
     * duration, as for a full render).
     */
    private long lastFrameDuration() {
        int next = range.last() + 1;
        return next < fgTimes.count() ? fgTimes.pts(next) - fgTimes.pts(range.last()) : -1;
    }
}
