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
 * did not agree, a round runs from each place they landed ({@link #starts}) and the one that
 * fits best goes on. Over a steady pan the rounds also creep, trading a little placement for a little
 * time each round, and may stop short of the truth: {@link #further} looks on along their way.
 */
final class PlacementChoice {

    /** Rounds run from each place tried before one is chosen. */
    static final int TRIAL_ROUNDS = 1;
    /** Places tried, at most: the first placement and the best supported of the others. */
    static final int MAX_STARTS = 4;
    /** Multiples of the rounds' last move tried along it, in order, while the clip fits better. */
    static final int[] STRIDES = {1, 2, 4, 8, 16, 32};
    /** A place further along must lower the misfit by this share to be taken. */
    static final double GAIN = 0.02;
    /** Rounds that moved the footprint's edges this many bg pixels or more may have stopped short. */
    static final double JUMP_MIN = 1.0;

    private final TimeMatcher timing;

    PlacementChoice(TimeMatcher timing) {
        this.timing = timing;
    }

    /** Where the rounds go on from, and the time matched there. */
    record Choice(SpatialAlignment place, TimeMatcher.Match time) {
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
            best = new Choice(p, t);
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
