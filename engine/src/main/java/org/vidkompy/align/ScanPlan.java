package org.vidkompy.align;

import org.vidkompy.media.ClipSource;
import org.vidkompy.image.PixelRect;
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
    /** At least this many frames of each clip are kept, for a first placement on dense samples. */
    static final int MIN_CAPTURES = 6;
    /**
     * Memory for the frames kept whole, both clips together. Where {@link #MIN_CAPTURES} whole frames
     * would not fit (frames over 32 MB, beyond 6K), they are kept at {@link #WORK_SIZE} instead.
     */
    static final long CAPTURE_BUDGET = 192L << 20;
    /** Longest side of the pictures for the first placement. */
    static final int WORK_SIZE = 640;
    /**
     * Longest side of the stored bg thumbnails, and the memory they may take. The budget binds only
     * bgs longer than about a minute at 1080p; 128 MB rather than 192 kept a 10-minute 1080p pair's
     * analysis under 600 MB (its map did not get worse: 129x73 thumbnails instead of 158x89).
     */
    static final int STORE_SIZE = 384;
    static final long STORE_BUDGET = 128L << 20;
    /** Longest side of the fg thumbnails for the fine time refinement, and their memory budget. */
    static final int FINE_SIZE = 96;
    static final long FINE_BUDGET = 64L << 20;
    /** fg samples for the letterbox box. */
    static final int BOX_SAMPLES = 6;

    /** Frames of each clip kept whole. */
    final int captures;
    /** Kept frames are shrunk by this (1: kept at full size), the same for both clips. */
    final double keepFactor;
    /** The bg's stored thumbnails: the whole frame, its aspect kept, within {@link #STORE_BUDGET}. */
    final ClipSource.Thumb store;

    private ScanPlan(int captures, double keepFactor, ClipSource.Thumb store) {
        this.captures = captures;
        this.keepFactor = keepFactor;
        this.store = store;
    }

    static ScanPlan of(Clip bg, Clip fg) {
        long frameBytes = (long) bg.width() * bg.height() + (long) fg.width() * fg.height();
        int captures = (int) Math.max(MIN_CAPTURES, Math.min(CAPTURES, CAPTURE_BUDGET / Math.max(1, frameBytes)));
        double keepFactor = captures * frameBytes <= CAPTURE_BUDGET ? 1 : workFactor(bg);
        double f = Math.max(1.0, Math.max((double) Math.max(bg.width(), bg.height()) / STORE_SIZE,
                Math.sqrt((double) bg.width() * bg.height() * Math.max(1, bg.frames()) / STORE_BUDGET)));
        int sw = Math.max(1, (int) Math.round(bg.width() / f));
        int sh = Math.max(1, (int) Math.round(bg.height() / f));
        return new ScanPlan(captures, keepFactor, new ClipSource.Thumb(null, sw, sh));
    }

    /**
     * Whether the fg is scanned with deblocking ({@link org.vidkompy.media.FfmpegClipSource#reference}):
     * where its fine thumbnails shrink it, as the bg's footprint is shrunk, the bg's block edges average
     * out and the fg's, which every comparison holds the bg against, must be gone too (at crf 30 they
     * tipped frames). An fg no larger than its fine thumbnails is compared pixel for pixel with a bg
     * decoded without the loop filter and is decoded the same way: deblocking only the 32x18 inset of a
     * 960x540 bg put its frames two off.
     */
    static boolean deblocksFg(org.vidkompy.io.MediaClip fg) {
        return Math.max(fg.width(), fg.height()) > FINE_SIZE;
    }

    /** How much the first placement shrinks both clips: the bg to {@link #WORK_SIZE}. */
    static double workFactor(Clip bg) {
        return Math.max(1.0, Math.max(bg.width(), bg.height()) / (double) WORK_SIZE);
    }

    /** The fg thumbnails that become descriptors: the content, squeezed to the descriptor's size. */
    static ClipSource.Thumb descriptorThumb(PixelRect box, DescriptorSpec spec) {
        return new ClipSource.Thumb(crop(box), spec.thumbWidth(), spec.thumbHeight());
    }

    /** Size of the fg thumbnails for the fine time refinement: the content's aspect, within budget. */
    static ClipSource.Thumb fineThumb(PixelRect box, long frames) {
        double f = Math.max(1.0, Math.max((double) Math.max(box.width(), box.height()) / FINE_SIZE,
                Math.sqrt((double) box.width() * box.height() * Math.max(1, frames) / FINE_BUDGET)));
        return new ClipSource.Thumb(crop(box), Math.max(4, (int) Math.round(box.width() / f)),
                Math.max(4, (int) Math.round(box.height() / f)));
    }

    /** The descriptors compare the whole content, or in border mode only a band inside its edges. */
    static DescriptorSpec descriptorSpec(int border, PixelRect box) {
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

    private static PixelRect crop(PixelRect box) {
        return new PixelRect(box.x(), box.y(), box.width(), box.height());
    }
}
