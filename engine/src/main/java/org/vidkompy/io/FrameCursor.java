package org.vidkompy.io;

/**
 * Brings a reader to a given frame index with as little work as possible. Frames are visited in
 * order in practice (the render's bg under a monotone map, a host asking for frame after frame), so
 * the file is decoded once in order: frames in between are decoded without colour conversion
 * ({@link FrameReader#skip()}), a repeated frame costs nothing. A jump back, or far ahead (an edit
 * cut, the first frame of a chunk, a host scrubbing), seeks exactly, using the frame timestamps the
 * probe collected.
 */
public final class FrameCursor {

    /**
     * Beyond this many frames ahead a seek is cheaper than decoding every frame in between: it
     * decodes at most one GOP (x264's default keyint is 250).
     */
    static final int SEEK_AHEAD = 300;

    private final FrameReader reader;
    private final FrameTimes times;

    public FrameCursor(FrameReader reader, FrameTimes times) {
        this.reader = reader;
        this.times = times;
    }

    /**
     * Leaves frame {@code target}, converted, in the reader's output.
     *
     * @return false when the file has no such frame (it ends before)
     */
    public boolean moveTo(int target) {
        int cur = reader.index();
        if (target == cur) {
            return true;
        }
        if (target < cur || target - cur > SEEK_AHEAD || !reader.indexExact()) {
            if (target >= times.count()) {
                return false;
            }
            reader.seek(times.seconds(target), target);
            if (!reader.next()) {
                return false;
            }
        } else {
            while (reader.index() < target - 1) {
                if (!reader.skip()) {
                    return false;
                }
            }
            if (!reader.next()) {
                return false;
            }
        }
        if (reader.index() != target) {
            throw new MediaException(reader.path(), "landed on frame " + reader.index() + " instead of " + target);
        }
        return true;
    }
}
