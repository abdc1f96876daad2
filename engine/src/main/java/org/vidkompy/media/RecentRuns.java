package org.vidkompy.media;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vidkompy.image.LumaImage;

/**
 * A clip that keeps the runs of frames it decoded ({@link #frames}), the most recent within a byte
 * budget, and hands them out again. The final placement compares each frame pair also with the bg
 * frames around its moment, decoding each run from the key frame before it (0.8-0.9 s for four pairs
 * of a 1080p bg whose key frames lie up to 250 frames apart), and a trial start's rounds and the
 * final rounds meet at the same pairs. A decoder gives the same pictures every time, so what comes
 * back is what a new decode would give. Everything else goes to the clip as it is but closing: the
 * clip belongs to whoever opened it.
 */
public final class RecentRuns extends ForwardingClipSource {

    private final long budget;
    /** Frames by index, the least recently used first. */
    private final LinkedHashMap<Integer, LumaImage> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** @param budget bytes of frames kept at most */
    public RecentRuns(ClipSource clip, long budget) {
        super(clip);
        this.budget = budget;
    }

    @Override
    public List<LumaImage> frames(int from, int count) {
        List<LumaImage> hit = lookUp(from, count);
        if (hit != null) {
            return hit;
        }
        List<LumaImage> run = in.frames(from, count);
        synchronized (this) {
            int first = Math.max(0, from);
            for (int k = 0; k < run.size(); k++) {
                LumaImage old = kept.put(first + k, run.get(k));
                bytes += run.get(k).pixels().length - (old == null ? 0 : old.pixels().length);
            }
            Iterator<Map.Entry<Integer, LumaImage>> eldest = kept.entrySet().iterator();
            while (bytes > budget && eldest.hasNext()) {
                bytes -= eldest.next().getValue().pixels().length;
                eldest.remove();
            }
        }
        return run;
    }

    /** The run from the frames kept, or null where one is missing. */
    private synchronized List<LumaImage> lookUp(int from, int count) {
        int first = Math.max(0, from);
        int end = (int) Math.min(in.info().frames(), (long) from + count);
        if (first >= end) {
            return null;
        }
        List<LumaImage> out = new ArrayList<>(end - first);
        for (int i = first; i < end; i++) {
            LumaImage f = kept.get(i);
            if (f == null) {
                return null;
            }
            out.add(f);
        }
        return out;
    }

    /** Lets the frames go; the clip itself belongs to whoever opened it. */
    @Override
    public synchronized void close() {
        kept.clear();
        bytes = 0;
    }
}
