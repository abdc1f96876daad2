package org.vidkompy.media;

import java.util.List;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.image.PixelRect;

/**
 * Frames of one clip as the analysis needs them: a few full-resolution samples, one in-order scan of
 * every frame as small thumbnails (during which chosen frames can be kept whole), and single frames
 * by index. Files are read through FFmpeg ({@link FfmpegClipSource}); the OpenFX plugin reads its
 * host's clips instead.
 */
public interface ClipSource extends AutoCloseable {

    Clip info();

    /**
     * About {@code count} full-resolution luma frames spread over the clip. Which frames exactly is
     * the source's choice (near key frames for files, where decoding is cheap).
     */
    List<LumaImage> samples(int count);

    /**
     * Visits every frame in presentation order with a luma thumbnail per request. The planes are
     * reused between calls.
     */
    void scan(List<Thumb> thumbs, FrameVisitor visitor);

    /** Frame {@code index} at full resolution. */
    LumaImage frame(int index);

    /**
     * Frames {@code from .. from + count - 1} at full resolution, clipped to the clip: a run costs
     * about what its last frame alone costs where frames decode in order.
     */
    default List<LumaImage> frames(int from, int count) {
        List<LumaImage> out = new java.util.ArrayList<>();
        for (int i = Math.max(0, from); i < from + count && i < info().frames(); i++) {
            out.add(frame(i));
        }
        return out;
    }

    /** How many frames must be decoded to get frame {@code index} alone (0 where access is free). */
    int fetchCost(int index);

    /**
     * The clip's key frames, found by a look that decodes nothing else (a small part of a full scan
     * for a long file), whole, shrunk so that their longest side is at most {@code longestSide}. Null
     * where the source cannot do that cheaply (no key frames, more than {@code maxKeys} of them, frame
     * times unknown without decoding) or does not try: then only a full {@link #scan} works.
     */
    default KeyFrames keyFrames(int longestSide, int maxKeys) {
        return null;
    }

    /**
     * Frames {@code from .. to - 1} as a clip of their own: frame 0 is frame {@code from}, times start
     * at 0, and a scan decodes only them. Null where the source cannot do that; for files, only after
     * {@link #keyFrames} (which numbers every frame without decoding it).
     */
    default ClipSource window(int from, int to) {
        return null;
    }

    /**
     * The whole {@link #scan} cut into at most {@code parts} parts (at least two) that can run at the
     * same time, on threads of the caller's: one H.264 decoder cannot keep two cores busy (its frame
     * threads wait on each other's reference rows), decoders of different parts can. Null where the
     * clip cannot be cut (too short, no key frame where a part could start, frame times unknown
     * before decoding) or the source does not try.
     */
    default SplitScan split(int parts) {
        return null;
    }

    /**
     * The clip's reference frames (those other frames are predicted from) as a clip of their own, each
     * decoded exactly as in a full decode, with the frame number
     * each has in this clip; null where the source cannot decode them alone or it would not save much.
     */
    default Subset referenceFrames() {
        return null;
    }

    /**
     * Whether every frame follows the one before by the same time (a constant frame rate, as the file's
     * timestamps say); false where they vary (a phone's or a screen capture's) or are not known.
     */
    default boolean evenlyTimed() {
        return false;
    }

    @Override
    void close();

    /** Some of a clip's frames as a clip: frame {@code k} of {@code clip} is frame {@code frames[k]}. */
    record Subset(ClipSource clip, int[] frames) {
    }

    /** A scan of a {@link Subset} found other frames than promised; the caller scans everything. */
    final class NotAsPromised extends RuntimeException {
        public NotAsPromised(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * A scan in parts. Each part visits its frames in order, numbered as the whole scan numbers them,
     * with its own planes; parts run on different threads, so the visitor must take frames from
     * several at once. Once every part has run, {@link #complete()} says whether together they visited
     * each frame exactly once, as the whole scan would have; where not (a damaged file decodes
     * differently from a seek), the caller scans the whole clip instead, and the visits it had count
     * for nothing.
     */
    interface SplitScan {
        int parts();

        /** Part {@code part}, decoded on {@code threads} threads (0: as many as the decoder likes). */
        void scan(int part, List<Thumb> thumbs, int threads, FrameVisitor visitor);

        /** After every part: true where the parts gave every frame once; the clip then knows its frames. */
        boolean complete();
    }

    /**
     * Key frames of a clip: their frame numbers, times (seconds from the clip's start), pictures
     * (luma, shrunk by {@code factor} from full size), and the clip's frame count and duration.
     */
    record KeyFrames(int[] indices, double[] times, List<LumaImage> pictures, double factor, int frames,
                     double duration) {
    }

    /** A thumbnail of {@code region} (null: the whole frame) at {@code width x height}, area-averaged. */
    record Thumb(PixelRect region, int width, int height) {
    }

    /** What a scan hands out per frame. */
    @FunctionalInterface
    interface FrameVisitor {
        /**
         * @param whole grabs the whole current frame at full resolution; only valid during this call
         */
        void frame(int index, double timestamp, Plane[] thumbnails, Capture whole);
    }

    /** Full-resolution luma of the frame being visited, converted only if asked for. */
    @FunctionalInterface
    interface Capture {
        LumaImage grab();
    }
}
