package org.vidkompy.compose;

import org.vidkompy.io.FrameReader;
import org.vidkompy.io.FrameTimes;
import org.vidkompy.io.MediaException;

/**
 * Brings the bg reader to a given frame index with as little work as possible. The map is
 * monotone in practice, so the bg is decoded once in order: frames in between are decoded without
 * colour conversion ({@link FrameReader#skip()}), a repeated frame costs nothing. A jump back, or
 * far ahead (an edit cut, or the first frame of a chunk), seeks exactly, using the frame
 * timestamps the probe collected.
 */
final class BgCursor {

    /**
     * Beyond this many frames ahead a seek is cheaper than decoding every frame in between: it
     * decodes at most one GOP (x264's default keyint is 250).
     */
    static final int SEEK_AHEAD = 300;

    private final FrameReader reader;
    private final FrameTimes times;
    private int seeks;

    BgCursor(FrameReader reader, FrameTimes times) {
        this.reader = reader;
        this.times = times;
    }

    /** Leaves frame {@code target}, converted, in the reader's output. */
    void moveTo(int target, int fgIndex) {
        int cur = reader.index();
        if (target == cur) {
            return;
        }
        if (target < cur || target - cur > SEEK_AHEAD) {
            FrameTimes t = times;
            if (target >= t.count()) {
                throw beyondEnd(target, fgIndex, t.count());
            }
            reader.seek(t.seconds(target), target);
            seeks++;
            if (!reader.next()) {
                throw beyondEnd(target, fgIndex, target);
            }
        } else {
            while (reader.index() < target - 1) {
                if (!reader.skip()) {
                    throw beyondEnd(target, fgIndex, reader.index() + 1);
                }
            }
            if (!reader.next()) {
                throw beyondEnd(target, fgIndex, reader.index() + 1);
            }
        }
        if (reader.index() != target) {
            throw new MediaException(reader.path(), "landed on frame " + reader.index() + " instead of " + target);
        }
    }

    int seeks() {
        return seeks;
    }

    private MediaException beyondEnd(int target, int fgIndex, int frames) {
        return new MediaException(reader.path(), "holds " + frames + " frames, but the alignment puts bg frame "
                + target + " under fg frame " + fgIndex);
    }
}
