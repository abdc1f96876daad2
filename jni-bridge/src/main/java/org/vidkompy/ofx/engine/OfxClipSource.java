package org.vidkompy.ofx.engine;

import org.vidkompy.media.Clip;
import java.util.ArrayList;
import java.util.List;
import org.vidkompy.media.ClipSource;
import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.image.PixelRect;

/**
 * A host clip as an analysis {@link ClipSource}. Hosts give random access to any frame, so every
 * frame costs the same: samples are exactly the planned frames, a scan fetches frame 0, 1, 2... and
 * single frames are fetched again when asked for. Each fetch yields the whole frame as 8-bit luma
 * ({@link LumaConverter}); thumbnails are area-averaged from it ({@link AreaSampler}).
 */
public final class OfxClipSource implements ClipSource {

    /** Fetches frame {@code index} (0 = the clip's first frame) as full-resolution luma. */
    @FunctionalInterface
    public interface FrameFetcher {
        LumaImage fetch(int index);
    }

    private final Clip info;
    private final FrameFetcher fetcher;

    public OfxClipSource(Clip info, FrameFetcher fetcher) {
        if (info.frames() < 1 || info.width() < 1 || info.height() < 1) {
            throw new IllegalArgumentException("clip " + info.name() + " is empty: " + info);
        }
        this.info = info;
        this.fetcher = fetcher;
    }

    @Override
    public Clip info() {
        return info;
    }

    @Override
    public List<LumaImage> samples(int count) {
        int frames = (int) info.frames();
        List<LumaImage> out = new ArrayList<>();
        int last = -1;
        for (int k = 0; k < count; k++) {
            int index = (int) Math.min(frames - 1, Math.floor((k + 0.5) * frames / count));
            if (index > last) {
                out.add(fetcher.fetch(index));
                last = index;
            }
        }
        return out;
    }

    @Override
    public void scan(List<Thumb> thumbs, FrameVisitor visitor) {
        AreaSampler[] samplers = new AreaSampler[thumbs.size()];
        Plane[] planes = new Plane[thumbs.size()];
        for (int i = 0; i < samplers.length; i++) {
            Thumb t = thumbs.get(i);
            samplers[i] = sampler(t);
            planes[i] = Plane.allocate(t.width(), t.height());
        }
        double fps = info.fps() > 0 ? info.fps() : 1;
        for (int index = 0; index < info.frames(); index++) {
            LumaImage frame = fetcher.fetch(index);
            for (int i = 0; i < samplers.length; i++) {
                samplers[i].applyLevels(frame.pixels(), 0, planes[i]);
            }
            visitor.frame(index, index / fps, planes,
                    () -> new LumaImage(frame.width(), frame.height(), frame.pixels().clone()));
        }
    }

    @Override
    public LumaImage frame(int index) {
        if (index < 0 || index >= info.frames()) {
            throw new IllegalArgumentException("frame " + index + " is outside clip " + info.name() + " (" + info.frames()
                    + " frames)");
        }
        return fetcher.fetch(index);
    }

    @Override
    public int fetchCost(int index) {
        return 0;
    }

    @Override
    public void close() {
        // nothing held between fetches
    }

    /** The thumbnail's region (the whole frame when none), clipped to the frame. */
    private AreaSampler sampler(Thumb t) {
        PixelRect r = t.region();
        int x0 = r == null ? 0 : r.x();
        int y0 = r == null ? 0 : r.y();
        int w = r == null ? info.width() : Math.min(r.width(), info.width() - x0);
        int h = r == null ? info.height() : Math.min(r.height(), info.height() - y0);
        return new AreaSampler(info.width(), info.height(), x0, y0, w, h, t.width(), t.height());
    }
}
