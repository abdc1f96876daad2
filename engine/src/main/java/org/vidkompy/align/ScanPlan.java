package org.vidkompy.align;

import org.vidkompy.image.ContentBox;
import org.vidkompy.io.CropRect;
import org.vidkompy.media.Clip;
import org.vidkompy.temporal.DescriptorSpec;
import org.vidkompy.temporal.ThumbMask;

/**
 * What the scans keep of each clip, at which sizes, within which byte budgets. Every frame is
 * decoded once, so what is not kept now must be decoded again later: the budgets bound the memory
 * of a long clip or a large frame, the sizes are what the later steps need.
 */
final class ScanPlan {

    /** fg and bg frames kept whole for the first placement (fewer for very large frames). */
    static final int CAPTURES = 24;
    /** Memory for the frames kept whole, both clips together. */
    static final long CAPTURE_BUDGET = 192L << 20;
    /** Longest side of the stored bg thumbnails, and the memory they may take. */
    static final int STORE_SIZE = 384;
    static final long STORE_BUDGET = 192L << 20;
    /** Longest side of the fg thumbnails for the fine time refinement, and their memory budget. */
    static final int FINE_SIZE = 96;
    static final long FINE_BUDGET = 64L << 20;
    /** fg samples for the letterbox box. */
    static final int BOX_SAMPLES = 6;

    /** Frames of each clip kept whole. */
    final int captures;
    /** The bg's stored thumbnails: the whole frame, its aspect kept, within {@link #STORE_BUDGET}. */
    final ClipSource.Thumb store;

    private ScanPlan(int captures, ClipSource.Thumb store) {
        this.captures = captures;
        this.store = store;
    }

    static ScanPlan of(Clip bg, Clip fg) {
        long frameBytes = (long) bg.width() * bg.height() + (long) fg.width() * fg.height();
        int captures = (int) Math.max(6, Math.min(CAPTURES, CAPTURE_BUDGET / Math.max(1, frameBytes)));
        double f = Math.max(1.0, Math.max((double) Math.max(bg.width(), bg.height()) / STORE_SIZE,
                Math.sqrt((double) bg.width() * bg.height() * Math.max(1, bg.frames()) / STORE_BUDGET)));
        int sw = Math.max(1, (int) Math.round(bg.width() / f));
        int sh = Math.max(1, (int) Math.round(bg.height() / f));
        return new ScanPlan(captures, new ClipSource.Thumb(null, sw, sh));
    }

    /** The fg thumbnails that become descriptors: the content, squeezed to the descriptor's size. */
    static ClipSource.Thumb descriptorThumb(ContentBox box, DescriptorSpec spec) {
        return new ClipSource.Thumb(crop(box), spec.thumbWidth(), spec.thumbHeight());
    }

    /** Size of the fg thumbnails for the fine time refinement: the content's aspect, within budget. */
    static ClipSource.Thumb fineThumb(ContentBox box, long frames) {
        double f = Math.max(1.0, Math.max((double) Math.max(box.width(), box.height()) / FINE_SIZE,
                Math.sqrt((double) box.width() * box.height() * Math.max(1, frames) / FINE_BUDGET)));
        return new ClipSource.Thumb(crop(box), Math.max(4, (int) Math.round(box.width() / f)),
                Math.max(4, (int) Math.round(box.height() / f)));
    }

    /** The descriptors compare the whole content, or in border mode only a band inside its edges. */
    static DescriptorSpec descriptorSpec(int border, ContentBox box) {
        if (border <= 0) {
            return DescriptorSpec.standard();
        }
        int w = DescriptorSpec.THUMB_WIDTH;
        int h = DescriptorSpec.THUMB_HEIGHT;
        // The band is given in fg pixels; the thumbnail squeezes the content to 32x32.
        double perPixel = Math.max((double) w / box.width(), (double) h / box.height());
        int band = (int) Math.max(1, Math.min(Math.min(w, h) / 2 - 1, Math.round(border * perPixel)));
        return DescriptorSpec.withMask(ThumbMask.border(w, h, band));
    }

    private static CropRect crop(ContentBox box) {
        return new CropRect(box.x(), box.y(), box.width(), box.height());
    }
}
