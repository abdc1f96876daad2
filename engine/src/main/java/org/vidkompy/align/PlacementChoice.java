package org.vidkompy.align;

import java.util.ArrayList;
import java.util.List;
import org.vidkompy.align.ClipScanner.Scans;
import org.vidkompy.image.PixelRect;
import org.vidkompy.media.Clip;
import org.vidkompy.media.ClipSource;
import org.vidkompy.media.Footprint;
import org.vidkompy.media.Placement;
import org.vidkompy.spatial.SpatialAlignment;

/**
 * Where the placement rounds start and whether they stopped short, judged by the whole clip.
 *
 * <p>The first placement pairs fg frames with bg frames of unknown moments. Over a camera move across a
 * still scene, an fg frame fits a bg frame of another moment almost as well where the camera had moved
 * the picture to, and a group of such pairs can outvote the pairs of the true moments, which land a
 * few pixels apart themselves (a tilt in the opening of a real clip: the fg put 23 px too high and
 * 27 frames late, every frame wrong). Pairs alone cannot tell, the whole clip can: at a place, the time
 * is matched and the fg frames compared with the bg frames the match puts under them ({@link #misfit};
 * in that example 0.014 per frame at the truth against 0.056 where the vote went). Where most samples
 * did not agree, a round runs from each place they landed ({@link #starts}) and the one that fits
 * best goes on, or a place on the line through the two best that fits clearly better ({@link #along}).
 * Over a steady pan the rounds also creep, trading a little placement for a little time each round,
 * and may stop short of the truth: {@link #further} looks on along their way.
 */
final class PlacementChoice {

    /** Rounds run from each place tried before one is chosen. */
    static final int TRIAL_ROUNDS = 1;
    /**
     * Places tried, at most: the first placement and the best supported of the others. Random crops of a
     * real tilt, an 80x44 fg and a 320x160 one, were placed 8.6 and 24 px along it with every frame wrong
     * from four places tried; from six, exactly (0.02 and 0.2 px).
     */
    static final int MAX_STARTS = 6;
    /** Multiples of the rounds' last move tried along it, in order, while the clip fits better. */
    static final int[] STRIDES = {1, 2, 4, 8, 16, 32};
    /** A place further along must lower the misfit by this share to be taken. */
    static final double GAIN = 0.02;
    /** Rounds that moved the footprint's edges this many bg pixels or more may have stopped short. */
    static final double JUMP_MIN = 1.0;
    /** Step of {@link #along}'s walk, in fine-thumbnail pixels: a few to the width of the notch it looks for. */
    static final double SCAN_STEP = 0.25;
    /** Fine-thumbnail pixels {@link #along} walks each way at least, and at most. */
    static final double SCAN_MIN = 3;
    static final double SCAN_MAX = 8;
    /**
     * Share of the misfit the place {@link #along} found must remove to be taken. Along a camera move it
     * removed 20-50 % on real clips; where no place tried lies on the move (seed 4 of the mixed pairs: all
     * four 6-25 px off, misfits 0.40-0.47 against 0.007 at the truth) it found 4 %, 7 px off, from where
     * the rounds ran out before the scale had settled.
     */
    static final double SCAN_GAIN = 0.1;
    /**
     * Fine-thumbnail pixels between the two places {@link #along} draws its line through, at least.
     * Two trials that ended closer are one place, which says neither which way the move goes nor how
     * much time it trades per pixel: a 60 fps fg over a tilt, its two best trials 0.4 bg px apart, gave
     * 1.0 frames per pixel where the tilt traded 1.5, and the walk's times missed the truth by 5 frames
     * (the fg ended 3.8 px off, every frame 6 late); the third, 13 px away, gives the tilt's own rate.
     */
    static final double LINE_MIN = 1;
    /**
     * A place {@link #along} found that fits better than the best tried, by this share at least but not
     * by {@link #SCAN_GAIN}, is a rival: the rounds run from both and the clip decides where they end.
     * Over a tilt with grain in the bg ({@code noise=alls=20}) the truth fitted 5 % better than where
     * the best trial stopped, 11 px and 14 frames along the move.
     */
    static final double RIVAL_GAIN = 0.02;
    /**
     * How much worse than the best a place with straight time may fit and still be taken instead
     * ({@link #along}). Random crops of a real clip's opening (its title, a fade and a tilt over a sky),
     * where trials reached the truth with straight time and another place's bent time fitted better: by
     * 1.5 %, 11 % and, for a grainy 60 fps crop whose truth holds the dark fade's frames, 51 %.
     */
    static final double STRAIGHT_WIN = 1.6;
    /** Bg frames either side of the moved-on time {@link #along} lets each frame pick from. */
    static final int SCAN_REACH = 3;

    private final TimeMatcher timing;

    PlacementChoice(TimeMatcher timing) {
        this.timing = timing;
    }

    /** Where the rounds go on from, the time matched there, and how badly the clip fits there ({@link #misfit}). */
    record Choice(SpatialAlignment place, TimeMatcher.Match time, double misfit) {
    }

    /** Where the rounds go on from, and a rival place to run them from too (else null). */
    record Walk(Choice chosen, Choice rival) {
    }

    /** {@code first}, and where groups of samples landed elsewhere if most did not agree on it. */
    static List<SpatialAlignment> starts(SpatialAlignment first) {
        List<SpatialAlignment> places = new ArrayList<>();
        places.add(first);
        if (first.doubtful()) {
            for (Placement p : first.elsewhere()) {
                if (places.size() < MAX_STARTS) {
                    places.add(new SpatialAlignment(p, first.consensus()));
                }
            }
        }
        return places;
    }

    /** How badly the clip fits at {@code place} with {@code time}: the mean of {@link TimeMatcher#misfit}'s frames. */
    double misfit(Clip bi, Scans scans, SpatialAlignment place, TimeMatcher.Match time, AnalysisOptions options) {
        int[] frames = TimeMatcher.misfitFrames(time.alignment().map().length);
        return timing.misfit(bi, scans, place, time, timing.fineMask(bi, scans, place, options), frames)
                / frames.length;
    }

    /**
     * The best of the places tried, or a better one on the line through the two best (at the best one's
     * scale: a camera move trades time for position, not size; seed 4 of the mixed pairs took the second's
     * 0.2 % smaller scale along). Over a camera move across a still scene every place along the move is a
     * place where the rounds stop (the time matched there fits the placement, the placement fits those
     * frame pairs), each with its own offset in time,
     * and only the whole clip prefers one, in a notch about a fine-thumbnail pixel wide at the truth: a
     * real clip's tilt seen at 48 fps, the rounds stopped 6 px off, every frame wrong, the misfit 0.0065
     * there, 0.0064-0.0080 at places 1-3 px along, 0.0046 at the truth. So the line is walked in steps of
     * {@link #SCAN_STEP} fine-thumbnail pixels, {@link #SCAN_MIN} to {@link #SCAN_MAX} of them each way
     * (as far as the second best lies), each place judged by {@link TimeMatcher#looseMisfit} (cheap: the
     * best's time moved on by the frames the two best's times differ per pixel, then let loose by
     * {@link #SCAN_REACH} frames); the time is matched afresh only where that was least. That place is
     * taken where it fits {@link #SCAN_GAIN} better, and is a rival ({@link #RIVAL_GAIN}) where it fits a
     * little better: the best trial's time, moved on, carries the warp that made its own place fit (a
     * tilt that slows and speeds up again), which the truth, its time straight, does not need. Where the
     * best fitting place's time bends and a place tried runs straight, fitting nearly as well, that place
     * goes on as it is ({@link #straightInstead}).
     */
    Walk along(ClipSource bg, Clip fi, Scans scans, List<Choice> tried, AnalysisOptions options) {
        List<Choice> ranked = new ArrayList<>(tried);
        // A place no pair of frames could measure (all flat: confidence 0) fits flat sky to flat sky, which
        // costs little anywhere; a measured place goes first. A patch of sky under a title, its trials
        // ending on flat frames at 0.030-0.042, the one on the title's frames, 0.3 px from the truth, at 0.062.
        ranked.sort(java.util.Comparator.comparingInt((Choice c) -> c.place().measured() ? 0 : 1)
                .thenComparingDouble(Choice::misfit));
        Choice best = ranked.get(0);
        Choice straight = straightInstead(ranked, scans.fg().times(), scans.bg().times());
        if (straight != null) {
            return new Walk(straight, null);
        }
        SpatialAlignment from = best.place();
        Clip bi = bg.info();
        Footprint area = Footprint.of(from.x(), from.y(), from.scale(), scans.box());
        ThumbnailStore fine = scans.fg().fine();
        double pixel = Math.max(area.width() / fine.width(), area.height() / fine.height());
        Choice second = null;
        for (Choice c : ranked.subList(1, ranked.size())) {
            if (Math.hypot(c.place().x() - from.x(), c.place().y() - from.y()) >= LINE_MIN * pixel) {
                second = c;
                break;
            }
        }
        if (second == null) {
            return new Walk(best, null);
        }
        SpatialAlignment to = second.place();
        double length = Math.hypot(to.x() - from.x(), to.y() - from.y());
        double reach = Math.min(Math.max(length, SCAN_MIN * pixel), SCAN_MAX * pixel);
        int steps = (int) Math.ceil(reach / (SCAN_STEP * pixel));
        double framesPerT = meanShift(best.time().alignment().map(), second.time().alignment().map());
        boolean[] mask = timing.fineMask(bi, scans, from, options);
        int[] frames = TimeMatcher.misfitFrames(best.time().alignment().map().length);
        double least = timing.looseMisfit(bi, scans, from, best.time(), mask, frames, 0, SCAN_REACH);
        SpatialAlignment found = null;
        for (int k = -steps; k <= steps; k++) {
            double t = k * SCAN_STEP * pixel / length;
            SpatialAlignment p = new SpatialAlignment(from.x() + t * (to.x() - from.x()),
                    from.y() + t * (to.y() - from.y()), from.scale(), from.confidence(), from.consensus());
            if (k == 0 || !(p.scale() > 0) || !centreInside(p, scans.box(), bi)) {
                continue;
            }
            int shift = (int) Math.round(t * framesPerT);
            double m = timing.looseMisfit(bi, scans, p, best.time(), mask, frames, shift, SCAN_REACH);
            if (m < least) {
                least = m;
                found = p;
            }
        }
        if (found == null) {
            return new Walk(best, null);
        }
        TimeMatcher.Match time = timing.match(bg, fi, scans, found, options, null);
        Choice there = new Choice(found, time, misfit(bi, scans, found, time, options));
        if (there.misfit() < (1 - SCAN_GAIN) * best.misfit()) {
            return new Walk(there, null);
        }
        return new Walk(best, there.misfit() < (1 - RIVAL_GAIN) * best.misfit() ? there : null);
    }

    /**
     * A measured place whose time runs straight ({@link StraightTime#STRAIGHT}) where the best fitting one's
     * bends ({@link StraightTime#BENT}), if it fits within {@link #STRAIGHT_WIN} of it; else null. Over a
     * camera move a place along it fits with a time that bends to the camera's speed, or runs at another
     * rate; the clips' timestamps say time runs straight unless the clip was edited, and an edited clip's
     * time bends at every place tried, the truth's too.
     */
    static Choice straightInstead(List<Choice> ranked, double[] fgTimes, double[] bgTimes) {
        Choice best = ranked.get(0);
        if (!best.place().measured()
                || StraightTime.share(best.time().alignment(), fgTimes, bgTimes) >= StraightTime.BENT) {
            return null;
        }
        for (Choice c : ranked.subList(1, ranked.size())) {
            if (c.place().measured() && c.misfit() <= STRAIGHT_WIN * best.misfit()
                    && StraightTime.share(c.time().alignment(), fgTimes, bgTimes) >= StraightTime.STRAIGHT) {
                return c;
            }
        }
        return null;
    }

    /** How many bg frames {@code b} lies after {@code a}, on average over the fg frames. */
    private static double meanShift(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += b[i] - a[i];
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Further along the rounds' way, from {@code before} to {@code from}: the place where the whole clip
     * fits best ({@link #misfit}, the time matched afresh at each place tried), if {@link #GAIN} better
     * than at {@code from}; else null. Four rounds left a real clip's fg 5 px short of the truth over a
     * tilt, every frame a frame off.
     *
     * @param from   the placement the rounds ended at, {@code time} matched there
     * @param least  the {@link #misfit} there
     * @param before where their way started: a round earlier, or where they started
     */
    Choice further(ClipSource bg, Clip fi, Scans scans, SpatialAlignment from, TimeMatcher.Match time,
                   double least, SpatialAlignment before, AnalysisOptions options) {
        Clip bi = bg.info();
        double dx = from.x() - before.x();
        double dy = from.y() - before.y();
        double ds = from.scale() - before.scale();
        Choice best = null;
        double bestMisfit = least;
        for (int k : STRIDES) {
            SpatialAlignment p = new SpatialAlignment(from.x() + k * dx, from.y() + k * dy, from.scale() + k * ds,
                    from.confidence(), from.consensus());
            if (!(p.scale() > 0) || !centreInside(p, scans.box(), bi)) {
                break;
            }
            TimeMatcher.Match t = timing.match(bg, fi, scans, p, options, null);
            double m = misfit(bi, scans, p, t, options);
            if (m >= bestMisfit) {
                break;
            }
            bestMisfit = m;
            best = new Choice(p, t, m);
        }
        return best != null && bestMisfit < (1 - GAIN) * least ? best : null;
    }

    /** How far the footprint's edges moved from {@code a} to {@code b}, in bg pixels. */
    static double moved(SpatialAlignment a, SpatialAlignment b, PixelRect box) {
        Footprint f = Footprint.of(a.x(), a.y(), a.scale(), box);
        Footprint g = Footprint.of(b.x(), b.y(), b.scale(), box);
        return Math.max(f.edgeShiftX(g), f.edgeShiftY(g));
    }

    private static boolean centreInside(SpatialAlignment p, PixelRect box, Clip bi) {
        Footprint f = Footprint.of(p.x(), p.y(), p.scale(), box);
        double cx = f.x() + f.width() / 2;
        double cy = f.y() + f.height() / 2;
        return cx >= 0 && cy >= 0 && cx <= bi.width() && cy <= bi.height();
    }
}
