package org.vidkompy.media;

import java.util.List;
import org.vidkompy.image.LumaImage;

/**
 * A clip source that hands every call to another one: a subclass overrides only what it changes (runs
 * of frames kept, {@link RecentRuns}; in tests a file that offers no key-frame look, a scan in parts
 * that goes wrong).
 */
public class ForwardingClipSource implements ClipSource {

    protected final ClipSource in;

    public ForwardingClipSource(ClipSource in) {
        this.in = in;
    }

    @Override
    public Clip info() {
        return in.info();
    }

    @Override
    public List<LumaImage> samples(int count) {
        return in.samples(count);
    }

    @Override
    public void scan(List<Thumb> thumbs, FrameVisitor visitor) {
        in.scan(thumbs, visitor);
    }

    @Override
    public LumaImage frame(int index) {
        return in.frame(index);
    }

    @Override
    public List<LumaImage> frames(int from, int count) {
        return in.frames(from, count);
    }

    @Override
    public int fetchCost(int index) {
        return in.fetchCost(index);
    }

    @Override
    public KeyFrames keyFrames(int longestSide, int maxKeys) {
        return in.keyFrames(longestSide, maxKeys);
    }

    @Override
    public ClipSource window(int from, int to) {
        return in.window(from, to);
    }

    @Override
    public SplitScan split(int parts) {
        return in.split(parts);
    }

    @Override
    public void close() {
        in.close();
    }
}
