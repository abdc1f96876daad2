package org.vidkompy.compose;

import org.vidkompy.media.FrameRange;
import java.nio.file.Path;
import java.util.List;

/**
 * What a render did.
 *
 * @param frames       fg frames rendered (= output frames)
 * @param audio        where the audio came from: "foreground", "background" or "none"
 * @param audioStart   seconds into that audio where the output's audio starts
 * @param setupSeconds probing, checks and timestamp scans before the pipeline started
 * @param seconds      total wall time
 * @param stages       per stage: decode fg, decode bg, composite, encode
 * @param width        output size: the bg's, one larger where the bg's is odd
 * @param height       output height
 * @param padded       the bg's odd size was padded by repeating its last column or row
 * @param bitDepth     bits per sample of the encoded video: 8 or 10
 */
public record RenderResult(Path output, FrameRange range, int frames, String audio, double audioStart,
                           double setupSeconds, double seconds, List<StageTime> stages, int width, int height,
                           boolean padded, int bitDepth) {

    /** One line for the user when the bg's odd size was padded, else empty. */
    public String paddingNote() {
        return padded ? "output padded to " + width + "x" + height + " (H.264 4:2:0 needs even sizes)" : "";
    }

    public double fps() {
        return seconds > 0 ? frames / seconds : 0;
    }
}
