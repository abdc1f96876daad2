package org.vidkompy.align;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.PixelRect;
import org.vidkompy.media.Clip;
import org.vidkompy.media.ClipSource;
import org.vidkompy.media.Footprint;

/**
 * Every bg frame's pixels around a small fg's footprint, at full resolution, decoded once. Where the
 * footprint covers fewer than {@link TimeMatcher#STORE_MIN_FOOTPRINT} pixels of the stored thumbnails,
 * each round's bg descriptors are cut from here instead of decoding the whole bg again for every
 * footprint the rounds try (a 64x36 fg in a 1080p bg: eight scans of the bg, 5 s each).
 */
final class BgZoom {

    /** Memory the region's frames may take; beyond, each footprint is decoded on its own. */
    static final long BUDGET = 64L << 20;
    /**
     * The region reaches the footprint's longer side beyond each of its edges (at least
     * {@link #MIN_MARGIN} pixels): the rounds move a placement a few pixels, the places the first
     * placement's samples disagree on lie about a footprint apart.
     */
    static final int MIN_MARGIN = 32;

    private final PixelRect region;
    private final ThumbnailStore store;

    private BgZoom(PixelRect region, ThumbnailStore store) {
        this.region = region;
        this.store = store;
    }

    /** The region around {@code area} within the frame, or null where it would not fit the budget. */
    static PixelRect region(Footprint area, Clip bi) {
        double margin = Math.max(MIN_MARGIN, Math.max(area.width(), area.height()));
        int x0 = (int) Math.max(0, Math.floor(area.x() - margin));
        int y0 = (int) Math.max(0, Math.floor(area.y() - margin));
        int x1 = (int) Math.min(bi.width(), Math.ceil(area.right() + margin));
        int y1 = (int) Math.min(bi.height(), Math.ceil(area.bottom() + margin));
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        long bytes = (long) (x1 - x0) * (y1 - y0) * Math.max(1, bi.frames());
        return bytes > BUDGET ? null : new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    /** Decodes the bg once for the region around {@code area}; null where it does not fit the budget. */
    static BgZoom capture(ClipSource bg, Footprint area) {
        PixelRect region = region(area, bg.info());
        if (region == null) {
            return null;
        }
        List<ClipSource.Thumb> thumbs = List.of(new ClipSource.Thumb(region, region.width(), region.height()));
        ClipSource.SplitScan split = PartScan.split(bg);
        if (split != null) {
            ThumbnailStore store = new ThumbnailStore(region.width(), region.height());
            ExecutorService pool = PartScan.pool(PartScan.WORKERS, "vidkompy-zoom");
            try {
                if (new PartScan(pool).run(bg.info(), split, thumbs,
                        p -> (i, t, planes, whole) -> store.put(i, planes[0]))) {
                    return new BgZoom(region, store);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        ThumbnailStore whole = new ThumbnailStore(region.width(), region.height());
        bg.scan(thumbs, (i, t, planes, w) -> whole.put(i, planes[0]));
        return new BgZoom(region, whole);
    }

    /** Whether {@code area} lies inside the region. */
    boolean covers(Footprint area) {
        return area.x() >= region.x() && area.y() >= region.y()
                && area.right() <= region.x() + region.width() && area.bottom() <= region.y() + region.height();
    }

    ThumbnailStore store() {
        return store;
    }

    /** Cuts {@code area} (bg pixels, inside the region) from a stored frame at {@code width x height}. */
    AreaSampler sampler(Footprint area, int width, int height) {
        return new AreaSampler(region.width(), region.height(), area.x() - region.x(), area.y() - region.y(),
                area.width(), area.height(), width, height);
    }

    /** The zoom of one analysis: the last one captured, kept while footprints lie inside it. */
    static final class Cache {
        private BgZoom current;

        /** A zoom covering {@code area}: the one kept, or a new capture; null where none fits the budget. */
        synchronized BgZoom around(ClipSource bg, Footprint area) {
            if (current != null && current.covers(area)) {
                return current;
            }
            current = null; // its memory is free before the next capture
            current = capture(bg, area);
            return current;
        }
    }
}
