package org.vidkompy.io;

import java.util.List;

/**
 * How a {@link FrameReader} decodes.
 *
 * @param outputs        conversions applied to every frame (may be empty: decode only)
 * @param threads        decoder threads, 0 lets FFmpeg pick one per core
 * @param skipLoopFilter skip H.264/HEVC deblocking: faster, slightly blockier pictures, fine for
 *                       analysis thumbnails and never for composition
 */
public record ReaderOptions(List<FrameFormat> outputs, int threads, boolean skipLoopFilter) {

    public ReaderOptions {
        outputs = List.copyOf(outputs);
    }

    public static ReaderOptions of(FrameFormat... outputs) {
        return new ReaderOptions(List.of(outputs), 0, false);
    }

    public ReaderOptions withSkipLoopFilter(boolean skip) {
        return new ReaderOptions(outputs, threads, skip);
    }

    public ReaderOptions withThreads(int n) {
        return new ReaderOptions(outputs, n, skipLoopFilter);
    }
}
