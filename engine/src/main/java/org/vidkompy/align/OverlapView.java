package org.vidkompy.align;

import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.image.AreaSampler;
import org.vidkompy.image.Plane;
import org.vidkompy.media.Footprint;
import org.vidkompy.temporal.DescriptorSequence;
import org.vidkompy.temporal.DescriptorSpec;
import org.vidkompy.temporal.ThumbMask;

/**
 * What the time alignment compares when the fg lies partly outside the bg: only the overlap. The
 * part of the fg beyond the bg's edge has nothing to match there, and left in it would make every
 * fg frame look unlike every bg frame. The descriptor mask keeps the thumbnail pixels whose scene
 * area lies inside the bg; the fg descriptors are made again with it, from the stored fine fg
 * thumbnails (the scan made them before the placement was known), and the bg's are cut with it.
 *
 * @param spec     descriptor spec for both sides
 * @param fg       the fg descriptors under that spec
 * @param fineMask the compared pixels of the fine thumbnails, or null for all
 */
record OverlapView(DescriptorSpec spec, DescriptorSequence fg, boolean[] fineMask) {

    /**
     * The view for a footprint (bg pixels) in a {@code bgWidth x bgHeight} bg: the scan's own when
     * the footprint lies inside the bg, or when too little of it is over the bg to describe (the
     * fg is then not found).
     */
    static OverlapView of(Scans scans, Footprint area, int bgWidth, int bgHeight, boolean[] fineMask) {
        double margin = edgeMargin(scans, bgWidth, bgHeight);
        DescriptorSpec spec = scans.spec();
        ThumbnailStore fine = scans.fg().fine();
        OverlapView own = new OverlapView(spec, scans.fg().descriptors(), fineMask);
        boolean[] thumb = inside(area, spec.thumbWidth(), spec.thumbHeight(), bgWidth, bgHeight, margin);
        if (thumb == null) {
            return own;
        }
        DescriptorSpec masked;
        DescriptorSequence.Builder builder;
        try {
            masked = new DescriptorSpec(spec.thumbWidth(), spec.thumbHeight(), spec.gridWidth(), spec.gridHeight(),
                    spec.mask().and(ThumbMask.of(spec.thumbWidth(), spec.thumbHeight(), thumb)), spec.flatStd());
            builder = DescriptorSequence.builder(masked);
        } catch (IllegalArgumentException tooLittle) {
            return own; // no (or too few) descriptor cells over the bg
        }
        AreaSampler down = new AreaSampler(fine.width(), fine.height(), 0, 0, fine.width(), fine.height(),
                spec.thumbWidth(), spec.thumbHeight());
        Plane t = Plane.allocate(spec.thumbWidth(), spec.thumbHeight());
        for (int i = 0; i < fine.size(); i++) {
            down.apply(fine.chunk(i), fine.offset(i), t);
            builder.add(t);
        }
        boolean[] fineInside = fineMask(scans, area, bgWidth, bgHeight, fineMask);
        return new OverlapView(masked, builder.build(), fineInside);
    }

    /**
     * This view without the fine-thumbnail pixels {@code excluded} ({@link OverlayMask}): a descriptor
     * pixel goes where a quarter of the fine pixels under it do. Null where too little would be left
     * to describe.
     */
    OverlapView without(Scans scans, boolean[] excluded) {
        ThumbnailStore fine = scans.fg().fine();
        int fw = fine.width();
        int fh = fine.height();
        int tw = spec.thumbWidth();
        int th = spec.thumbHeight();
        boolean[] keep = new boolean[tw * th];
        for (int v = 0; v < th; v++) {
            int y0 = v * fh / th;
            int y1 = Math.max(y0 + 1, (v + 1) * fh / th);
            for (int u = 0; u < tw; u++) {
                int x0 = u * fw / tw;
                int x1 = Math.max(x0 + 1, (u + 1) * fw / tw);
                int out = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        out += excluded[y * fw + x] ? 1 : 0;
                    }
                }
                keep[v * tw + u] = 4 * out < (x1 - x0) * (y1 - y0);
            }
        }
        DescriptorSpec masked;
        DescriptorSequence.Builder builder;
        try {
            masked = new DescriptorSpec(tw, th, spec.gridWidth(), spec.gridHeight(),
                    spec.mask().and(ThumbMask.of(tw, th, keep)), spec.flatStd());
            builder = DescriptorSequence.builder(masked);
        } catch (IllegalArgumentException tooLittle) {
            return null;
        }
        AreaSampler down = new AreaSampler(fw, fh, 0, 0, fw, fh, tw, th);
        Plane t = Plane.allocate(tw, th);
        for (int i = 0; i < fine.size(); i++) {
            down.apply(fine.chunk(i), fine.offset(i), t);
            builder.add(t);
        }
        boolean[] compared = new boolean[fw * fh];
        for (int k = 0; k < compared.length; k++) {
            compared[k] = (fineMask == null || fineMask[k]) && !excluded[k];
        }
        return new OverlapView(masked, builder.build(), compared);
    }

    /**
     * The compared pixels of the fine thumbnails at a footprint: those over the bg, and of them those
     * {@code border} keeps (border mode); null for all.
     */
    static boolean[] fineMask(Scans scans, Footprint area, int bgWidth, int bgHeight, boolean[] border) {
        ThumbnailStore fine = scans.fg().fine();
        boolean[] on = inside(area, fine.width(), fine.height(), bgWidth, bgHeight,
                edgeMargin(scans, bgWidth, bgHeight));
        if (on == null) {
            return border;
        }
        if (border != null) {
            for (int k = 0; k < on.length; k++) {
                on[k] &= border[k];
            }
        }
        return on;
    }

    /**
     * The stored bg thumbnails' outermost pixels are made by the decoder's filter at the frame's edge,
     * unlike the fg's of the same scene area: one of them, in bg pixels, is left out on every side.
     */
    private static double edgeMargin(Scans scans, int bgWidth, int bgHeight) {
        ThumbnailStore store = scans.bg().store();
        return Math.max((double) bgWidth / store.width(), (double) bgHeight / store.height());
    }

    /**
     * The pixels of a {@code w x h} thumbnail of the footprint whose area lies wholly inside the bg,
     * {@code margin} bg pixels in from the edges the footprint crosses; null when the footprint lies
     * inside the bg.
     */
    static boolean[] inside(Footprint area, int w, int h, int bgWidth, int bgHeight, double margin) {
        if (area.x() >= -1e-6 && area.y() >= -1e-6 && area.right() <= bgWidth + 1e-6
                && area.bottom() <= bgHeight + 1e-6) {
            return null;
        }
        double cw = area.width() / w;
        double ch = area.height() / h;
        boolean[] on = new boolean[w * h];
        for (int v = 0; v < h; v++) {
            double y0 = area.y() + v * ch;
            boolean row = y0 >= margin - 1e-6 && y0 + ch <= bgHeight - margin + 1e-6;
            for (int u = 0; u < w; u++) {
                double x0 = area.x() + u * cw;
                on[v * w + u] = row && x0 >= margin - 1e-6 && x0 + cw <= bgWidth - margin + 1e-6;
            }
        }
        return on;
    }
}
