package org.vidkompy.io;

import java.util.List;

/**
 * How a {@link FrameReader} decodes.
 *
 * @param outputs        conversions applied to every frame (may be empty: decode only)
 * @param onDemand       conversions applied only when asked for, frame by frame
 * @param threads        decoder threads, 0 lets FFmpeg pick one per core
 * @param skipLoopFilter skip H.264/HEVC deblocking: faster, slightly blockier pictures, fine for
 *                       analysis thumbnails and never for composition
 */
public record ReaderOptions(List<FrameFormat> outputs, List<FrameFormat> onDemand, int threads,
                            boolean skipLoopFilter, boolean referenceOnly) {

    public ReaderOptions {
        outputs = List.copyOf(outputs);
        onDemand = List.copyOf(onDemand);
    }

    public ReaderOptions(List<FrameFormat> outputs, List<FrameFormat> onDemand, int threads,
                         boolean skipLoopFilter) {
        this(outputs, onDemand, threads, skipLoopFilter, false);
    }

    public ReaderOptions(List<FrameFormat> outputs, int threads, boolean skipLoopFilter) {
        this(outputs, List.of(), threads, skipLoopFilter);
    }

    /**
     * Frames no other frame is predicted from are not decoded at all, so the others decode exactly as
     * in a full decode: a third less decoding for a typical x264 file, for a look at its
     * {@link FrameTimes#referenceFrames()} only. (Skipping every B-frame would save more, but a P-frame
     * may be predicted from a B-frame that is a reference, and then decodes wrong until the next key frame.)
     */
    public ReaderOptions withReferenceOnly() {
        return new ReaderOptions(outputs, onDemand, threads, skipLoopFilter, true);
    }

    public static ReaderOptions of(FrameFormat... outputs) {
        return new ReaderOptions(List.of(outputs), List.of(), 0, false);
    }

    public ReaderOptions withSkipLoopFilter(boolean skip) {
        return new ReaderOptions(outputs, onDemand, threads, skip, referenceOnly);
    }

    public ReaderOptions withThreads(int n) {
        return new ReaderOptions(outputs, onDemand, n, skipLoopFilter, referenceOnly);
    }

    /**
     * Outputs converted only for the frames that ask for them ({@link FrameReader#onDemand(int)}):
     * a full-size copy of a few chosen frames costs nothing for all the others.
     */
    public ReaderOptions withOnDemand(FrameFormat... formats) {
        return new ReaderOptions(outputs, List.of(formats), threads, skipLoopFilter, referenceOnly);
    }
}
