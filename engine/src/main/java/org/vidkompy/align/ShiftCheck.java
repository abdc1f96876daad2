package org.vidkompy.align;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vidkompy.compose.RenderCheck;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.PixelRect;
import org.vidkompy.image.Plane;
import org.vidkompy.image.ToneCurve;
import org.vidkompy.media.Footprint;
import org.vidkompy.spatial.SpatialAligner;
import org.vidkompy.spatial.SpatialAlignment;
import org.vidkompy.spatial.SpatialOptions;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Placement;
import org.vidkompy.media.Timing;

/**
 * The render's check of a time map that is one shift {@code c} ({@link ShiftGuess}): every fg frame
 * against the bg frames {@code c - 5 .. c + 5} after it, on small thumbnails of the fg's content and of
 * the bg where the placement puts it, cut from the frames the render decodes anyway. The shift must
 * be what {@link ReferenceFirst} asks of its answer: clearly best over the clip, and at no frame
 * clearly worse than another shift nor far worse than the clip's typical frame. A frame that matches
 * another shift clearly better stops the render at once (the clip can no longer pass).
 *
 * <p>Costs are 1 - ZNCC, as the analysis' fine time refinement weighs frames, on thumbnails 64 pixels
 * on the longer side, each cell the mean of about four by four pixels spread over it.
 */
public final class ShiftCheck implements RenderCheck {

    /** Longest side of the thumbnails. */
    static final int SIZE = 64;
    /**
     * A frame matches far worse than the clip at this many times its median cost, and at least this
     * cost. Not {@link ReferenceFirst}'s 0.01: these thumbnails' cells are cut at whole pixels, and on
     * the benchmark pair's dark opening the right frames cost up to 0.0102.
     */
    static final double MISFIT_TIMES = ReferenceFirst.MISFIT_TIMES;
    static final double MISFIT_MIN = 0.05;
    /**
     * The most (bg pixels) the placement may move when refined on pairs across the whole clip: a
     * fifth of what the analysis' own rounds let a last round move a 1080p-wide footprint
     * ({@link PlacementRounds#settled}).
     */
    static final double PLACEMENT_TOLERANCE = 0.1;
    /** Compared pixels from which the placement check refines at half resolution ({@link #halved}). */
    static final double HALVED_FROM = 4 * PlacementRounds.PAIR_PIXELS;
    /**
     * Another moment's bg frame tells only where it differs from the one rendered by this many times
     * the clip's typical cost (see {@link #typical}): where the picture barely moves, every shift of a
     * frame costs about the coding noise, and which is least is chance (a synthetic pair slowing to a
     * stop had frames two early win by 0.0013 of 0.0040, three in a row, at a typical cost of 0.0033).
     */
    static final double APART_TIMES = 2;
    private static final int TYPICAL_EVERY = 16;
    /**
     * Frames in a row that make a run (a dropped frame puts every frame after it one off): where the
     * moments look apart, and where they look apart by only the noise (a bg frame shown twice 40
     * frames in: every frame before it matched the next bg frame better, 0.0020 against 0.0053, and
     * the frames either side of that at 0.0053 and 0.0056; where a pair slowed to a stop, frames two
     * early won by as much, but so did those one and three early: no moment stood out).
     */
    static final int PERSIST = 3;
    static final int LONG_RUN = 8;
    /**
     * The typical cost is taken as at most this: the first frames of a clip may all be a jump off
     * (then their median is no measure of the coding noise), and a right one costs far less.
     */
    static final double TYPICAL_MAX = 0.02;
    /** Recent frames kept per clip: a row needs the bg frames up to {@code SHIFTS_AROUND + 1} either side. */
    private static final int RING = 16;

    private final Alignment guess;
    private final PixelRect box;
    private final int shift;
    private final Placing placing;
    /** fg frames kept whole for the placement check, rising, and the frames kept of each clip. */
    private int[] keptAt;
    private final List<LumaImage> keptFg = new ArrayList<>();
    private final List<LumaImage> keptBg = new ArrayList<>();
    private PixelRect crop;
    private int fgWidth;
    private int fgHeight;
    private int bgWidth;
    private int sampleBytes;
    private final int n;
    private final int bgFrames;
    private final int low;
    private final int shifts;
    /** {@code costs[s][j]}: fg frame j against bg frame {@code j + low + s}; NaN where that was not seen. */
    private final double[][] costs;
    private Cells fgCells;
    private Cells bgCells;
    private float[][] fgRing;
    private float[][] bgRing;
    private final int[] bgSlot = new int[RING];
    private boolean finished;
    private double typical;
    private int typicalAt = -1;
    /** The shift that was clearly better on the last rows, on how many in a row, from which. */
    private int runShift = -1;
    private int runLength;
    private int tellingRun;
    private int runStart;
    /** Rows in a row that matched far worse than the clip's typical frame, from which. */
    private int misfitRun;
    private int misfitStart;
    /** Where the placement check's refinement put the footprint (crop coordinates); for the debug line. */
    private Footprint refined;

    /**
     * @param guess the alignment rendered: placement and the map {@code i + shift}
     * @param box   the fg's content (letterbox bars left out), in fg pixels
     */
    ShiftCheck(Alignment guess, PixelRect box, int shift, Placing placing) {
        this.guess = guess;
        this.box = box;
        this.shift = shift;
        this.placing = placing;
        this.n = guess.temporal().map().length;
        this.bgFrames = (int) guess.background().frames();
        this.low = shift - ReferenceFirst.SHIFTS_AROUND - 1;
        this.shifts = 2 * ReferenceFirst.SHIFTS_AROUND + 3;
        this.costs = new double[shifts][n];
        for (double[] row : costs) {
            Arrays.fill(row, Double.NaN);
        }
        Arrays.fill(bgSlot, -1);
    }

    @Override
    public void begin(PixelLayout layout, int fgWidth, int fgHeight, int bgWidth, int bgHeight) {
        if (!layout.planar()) {
            throw new IllegalArgumentException("a shift is checked on planar frames, not " + layout);
        }
        Placement p = guess.spatial();
        double f = Math.max(1.0, (double) Math.max(box.width(), box.height()) / SIZE);
        int gw = Math.max(4, (int) Math.round(box.width() / f));
        int gh = Math.max(4, (int) Math.round(box.height() / f));
        int bytes = layout.sampleBytes();
        fgCells = new Cells(box.x(), box.y(), box.width(), box.height(), fgWidth, fgHeight, gw, gh, bytes);
        bgCells = new Cells(p.x() + box.x() * p.scale(), p.y() + box.y() * p.scale(), box.width() * p.scale(),
                box.height() * p.scale(), bgWidth, bgHeight, gw, gh, bytes);
        fgRing = new float[RING][gw * gh];
        bgRing = new float[RING][gw * gh];
        this.fgWidth = fgWidth;
        this.fgHeight = fgHeight;
        this.bgWidth = bgWidth;
        this.sampleBytes = bytes;
        SpatialAlignment at = new SpatialAlignment(p.x(), p.y(), p.scale(), p.confidence());
        int m = Math.min(n, PlacementRounds.finalPairs(box, at));
        keptAt = new int[m];
        for (int q = 0; q < m; q++) {
            keptAt[q] = (int) Math.min(n - 1, Math.round((q + 0.5) * n / m));
        }
        crop = PlacementRounds.cropAround(at, box, guess.background());
    }

    @Override
    public void pair(int fgIndex, byte[] fg, int bgIndex, ByteBuffer bg) {
        if (bgIndex != fgIndex + shift) {
            throw new IllegalStateException("fg frame " + fgIndex + " met bg frame " + bgIndex + ", not its shift "
                    + shift);
        }
        fgCells.thumb(ByteBuffer.wrap(fg), fgRing[fgIndex & (RING - 1)]);
        bgCells.thumb(bg, bgRing[bgIndex & (RING - 1)]);
        bgSlot[bgIndex & (RING - 1)] = bgIndex;
        if (Arrays.binarySearch(keptAt, fgIndex) >= 0) {
            keptFg.add(luma(ByteBuffer.wrap(fg), fgWidth, new PixelRect(0, 0, fgWidth, fgHeight)));
            keptBg.add(luma(bg, bgWidth, crop));
        }
        int j = fgIndex - ReferenceFirst.SHIFTS_AROUND - 1;
        if (j >= 0) {
            row(j);
        }
    }

    @Override
    public void finish() {
        for (int j = Math.max(0, n - ReferenceFirst.SHIFTS_AROUND - 1); j < n; j++) {
            row(j);
        }
        try {
            Integer c = ReferenceFirst.shift(shift, n, new int[n], bgFrames, false, (l, s) -> {
                if (l != low || s != shifts) {
                    throw new IllegalStateException("costs of shifts " + l + "+" + s + " asked, " + low + "+" + shifts
                            + " kept");
                }
                return costs;
            });
            if (c == null || c != shift) {
                throw new RenderCheck.Refused(-1, "over the whole clip the pictures do not show bg frame = fg frame + "
                        + shift + " clearly best");
            }
            int misfit = misfit();
            if (misfit >= 0) {
                throw misfitAt(misfit);
            }
            double moved = placementMoved();
            if (moved > PLACEMENT_TOLERANCE) {
                throw new RenderCheck.Refused(-1, String.format("on frames across the whole clip the fg lies %.2f px from"
                        + " where it was rendered", moved));
            }
        } finally {
            if (Boolean.getBoolean("vidkompy.debug.shift")) {
                debug();
            }
        }
        finished = true;
    }

    /** The alignment rendered, with every frame's confidence from its match: after {@link #finish()}. */
    public Alignment checked() {
        if (!finished) {
            throw new IllegalStateException("the render's check has not finished");
        }
        double[] own = costs[shift - low];
        boolean[] exact = new boolean[n];
        float[] conf = new float[n];
        double mean = 0;
        for (int j = 0; j < n; j++) {
            exact[j] = !Double.isNaN(own[j]);
            conf[j] = exact[j] ? (float) Math.max(0, Math.min(1, 1 - own[j])) : 0;
        }
        float[] held = ReferenceFirst.confidences(conf, exact);
        for (float v : held) {
            mean += v;
        }
        Timing t = guess.temporal();
        return new Alignment(guess.background(), guess.foreground(), guess.spatial(),
                new Timing(n == 0 ? 0 : mean / n, t.map(), held, List.of()));
    }

    /** One line on stderr where {@code -Dvidkompy.debug.shift=true}: each shift's summed cost, the placement check. */
    private void debug() {
        StringBuilder b = new StringBuilder("shift check:");
        for (int s = 0; s < shifts; s++) {
            double sum = 0;
            int k = 0;
            for (double v : costs[s]) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    k++;
                }
            }
            b.append(String.format(" [%d: %.4f/%d]", low + s, sum, k));
        }
        System.err.println(b + "; rendered at " + guess.spatial() + ", refined to " + refined + " in " + crop);
    }

    /**
     * The first frame whose own match is far worse than the clip's typical one: {@link #MISFIT_TIMES}
     * its median and at least {@link #MISFIT_MIN} (a frame of other content; a dissolve or a flash
     * that the bg shows too stays far below it); -1 where none is.
     */
    private int misfit() {
        double[] own = costs[shift - low];
        double[] known = Arrays.stream(own).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (known.length == 0) {
            return -1;
        }
        double bad = Math.max(MISFIT_MIN, MISFIT_TIMES * known[known.length / 2]);
        for (int j = 0; j < n; j++) {
            if (own[j] > bad) {
                return j;
            }
        }
        return -1;
    }

    /**
     * How far (bg pixels, the footprint's furthest edge) the placement moves when refined on the frame
     * pairs kept across the whole clip, from where the look placed it on a few seconds. A large fg is
     * refined at half resolution ({@link #HALVED_FROM}).
     */
    private double placementMoved() {
        if (keptFg.isEmpty() || placing.placed().shift() != null) {
            return 0; // nothing kept, or a placement the user gave
        }
        Placement p = guess.spatial();
        double x = p.x() - crop.x();
        double y = p.y() - crop.y();
        double s = p.scale();
        double f = halved(box, s) ? 2 : 1;
        // Placements are of the fg's corner, in pixel edges: shrinking both pictures by f divides them.
        PixelRect small = box.shrunk(f);
        SpatialAlignment start = new SpatialAlignment(x / f, y / f, s, p.confidence());
        List<Plane> fgs = new ArrayList<>();
        for (LumaImage fg : keptFg) {
            Plane plane = fg.toPlane(f);
            placing.tone().apply(plane); // compared in the bg's grade, as the analysis' final placement is
            fgs.add(plane);
        }
        List<Plane> bgs = keptBg.stream().map(bg -> bg.toPlane(f)).toList();
        SpatialAlignment best = placing.spatial().refine(fgs, bgs, start, placing.placed().withContentBox(small));
        Footprint a = Footprint.of(x, y, s, box);
        Footprint b = Footprint.of(f * best.x(), f * best.y(), best.scale(), box);
        refined = b;
        return Math.max(a.edgeShiftX(b), a.edgeShiftY(b));
    }

    /**
     * Whether the placement check refines at half resolution: where the fg's content (or its
     * footprint, if smaller) has {@link #HALVED_FROM} pixels. Its full-size float planes and the
     * refinement's buffers for them were 57 MB of a 1080p render's peak, taken while the encoder holds
     * its own; a quarter of the pixels still fix a 960x540 fg to a few hundredths of a pixel.
     */
    static boolean halved(PixelRect box, double scale) {
        return (double) box.width() * box.height() * Math.min(1, scale * scale) >= HALVED_FROM;
    }

    /** The luma of {@code rect} of a planar frame {@code width} samples wide, 8-bit as the analysis' frames. */
    private LumaImage luma(ByteBuffer frame, int width, PixelRect rect) {
        byte[] out = new byte[rect.width() * rect.height()];
        byte[] row = sampleBytes == 1 ? null : new byte[rect.width() * sampleBytes];
        for (int y = 0; y < rect.height(); y++) {
            int at = ((rect.y() + y) * width + rect.x()) * sampleBytes;
            if (row == null) {
                frame.get(at, out, y * rect.width(), rect.width());
            } else {
                frame.get(at, row, 0, row.length);
                for (int x = 0; x < rect.width(); x++) {
                    int v = (row[2 * x] & 0xff) | (row[2 * x + 1] & 0xff) << 8;
                    out[y * rect.width() + x] = (byte) Math.min(255, (v + 2) >> 2);
                }
            }
        }
        return new LumaImage(rect.width(), rect.height(), out);
    }

    /** What the check's placement refinement needs: the aligner, the bg's grade against the fg's, the options. */
    record Placing(SpatialAligner spatial, ToneCurve tone, SpatialOptions placed) {
    }

    /** The shift the render was asked to show. */
    public int shift() {
        return shift;
    }

    /**
     * Costs of fg frame {@code j} at every shift. Stops the render where another shift is better by
     * far (beyond the coding noise), where one other shift is clearly better on {@link #PERSIST} frames
     * in a row (a frame dropped or doubled: every frame after it is one off), and where
     * {@link #PERSIST} frames in a row match far worse than the clip's typical frame (a jump further
     * than the shifts weighed, or other content).
     */
    private void row(int j) {
        float[] f = fgRing[j & (RING - 1)];
        for (int s = 0; s < shifts; s++) {
            int b = j + low + s;
            costs[s][j] = b >= 0 && bgSlot[b & (RING - 1)] == b ? cost(f, bgRing[b & (RING - 1)]) : Double.NaN;
        }
        double own = costs[shift - low][j];
        if (Double.isNaN(own)) {
            runLength = 0;
            misfitRun = 0;
            return;
        }
        int better = -1;
        double least = own;
        for (int s = 0; s < shifts; s++) {
            if (costs[s][j] < least) {
                least = costs[s][j];
                better = s;
            }
        }
        double typical = typical(j);
        double clearly = Math.max(FineTimeRefiner.DECISIVE_MIN, ReferenceFirst.CLEAR_SHARE * own);
        // Another moment matters only where its bg frame differs from the one rendered beyond the
        // coding noise, and the fg is clearly nearer to it: where the two bg frames look alike (the
        // picture slows or stops), which of them lies under the fg cannot be told, nor seen.
        double apart = better < 0 ? 0 : cost(bgRing[(j + shift) & (RING - 1)], bgRing[(j + low + better) & (RING - 1)]);
        // Clearly nearer to another moment, and to it rather than to its neighbours: where the picture
        // slows down, frames a little early all match about as well, none of them clearly.
        boolean clear = better >= 0 && own - least >= clearly && sharp(j, better);
        boolean tells = clear && apart >= APART_TIMES * typical && own - least >= apart / 2;
        if (tells && own - least >= 0.75 * apart && apart >= 2 * APART_TIMES * typical) {
            throw refusedAt(j, j + low + better);
        }
        // A run of frames one moment off: a few where the moments look apart, more where they do not.
        if (clear && better == runShift) {
            runLength++;
            tellingRun = tells ? tellingRun + 1 : 0;
        } else {
            runShift = clear ? better : -1;
            runLength = clear ? 1 : 0;
            tellingRun = tells ? 1 : 0;
            runStart = j;
        }
        if (tellingRun >= PERSIST || runLength >= LONG_RUN) {
            throw refusedAt(runStart, runStart + low + better);
        }
        if (own > Math.max(MISFIT_MIN, MISFIT_TIMES * typical)) {
            if (misfitRun++ == 0) {
                misfitStart = j;
            }
            if (misfitRun >= PERSIST) {
                throw misfitAt(misfitStart);
            }
        } else {
            misfitRun = 0;
        }
    }

    /** Whether shift {@code s} of row {@code j} matches clearly better than the shifts either side of it. */
    private boolean sharp(int j, int s) {
        if (s == 0 || s == shifts - 1) {
            return false;
        }
        double side = Math.min(costs[s - 1][j], costs[s + 1][j]);
        return costs[s][j] <= (1 - ReferenceFirst.CLEAR_SHARE) * side; // NaN either side: false
    }

    private RenderCheck.Refused refusedAt(int j, int bgFrame) {
        return new RenderCheck.Refused(j, "fg frame " + j + " matches bg frame " + bgFrame + " better than bg frame "
                + (j + shift));
    }

    private RenderCheck.Refused misfitAt(int j) {
        return new RenderCheck.Refused(j, "fg frame " + j + " matches bg frame " + (j + shift)
                + " far worse than the clip's frames match theirs");
    }

    /**
     * The clip's typical own cost so far: the median of the rows up to {@code j}, taken again every
     * {@link #TYPICAL_EVERY} rows (0 before there are any).
     */
    private double typical(int j) {
        if (j >= typicalAt + TYPICAL_EVERY || typicalAt < 0) {
            double[] own = costs[shift - low];
            double[] known = Arrays.stream(own, 0, j + 1).filter(v -> !Double.isNaN(v)).sorted().toArray();
            typical = known.length == 0 ? 0 : Math.min(TYPICAL_MAX, known[known.length / 2]);
            typicalAt = j;
        }
        return typical;
    }

    /** 1 - ZNCC of two normalised thumbnails; NaN where either is flat. */
    private static double cost(float[] a, float[] b) {
        if (Float.isNaN(a[0]) || Float.isNaN(b[0])) {
            return Double.NaN;
        }
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
        }
        return Math.max(0, 1 - dot);
    }

    /**
     * A rectangle of a luma plane cut into a grid of cells; a thumbnail is each cell's mean, made zero
     * mean and unit length (NaN where the picture is flat).
     */
    private static final class Cells {
        private final int planeWidth;
        private final int sampleBytes;
        private final int x0;
        private final int[] columns;
        private final int[] columnCell;
        private final int[] rows;
        private final int[] rowCell;
        private final float[] inverseCount;
        private final double[] sums;
        private final byte[] line;
        private final int gw;

        Cells(double left, double top, double width, double height, int planeWidth, int planeHeight, int gw,
              int gh, int sampleBytes) {
            this.planeWidth = planeWidth;
            this.sampleBytes = sampleBytes;
            this.gw = gw;
            int xa = clamp((int) Math.round(left), planeWidth);
            int xb = clamp((int) Math.round(left + width), planeWidth);
            int ya = clamp((int) Math.round(top), planeHeight);
            int yb = clamp((int) Math.round(top + height), planeHeight);
            // About four samples across a cell each way: its mean to within the coding noise, at a
            // sixteenth of the reads of every pixel of a 1080p footprint.
            int stepX = Math.max(1, (int) (width / gw / 4));
            int stepY = Math.max(1, (int) (height / gh / 4));
            x0 = xa;
            columns = steps(xa, xb, stepX);
            columnCell = cells(columns, left, width, gw);
            rows = steps(ya, yb, stepY);
            rowCell = cells(rows, top, height, gh);
            int[] count = new int[gw * gh];
            for (int r : rowCell) {
                for (int c : columnCell) {
                    count[r * gw + c]++;
                }
            }
            inverseCount = new float[count.length];
            for (int k = 0; k < count.length; k++) {
                inverseCount[k] = count[k] == 0 ? Float.NaN : 1f / count[k];
            }
            sums = new double[gw * gh];
            line = new byte[Math.max(1, (xb - xa) * sampleBytes)];
        }

        void thumb(ByteBuffer plane, float[] out) {
            Arrays.fill(sums, 0);
            int span = line.length;
            for (int r = 0; r < rows.length; r++) {
                plane.get((rows[r] * planeWidth + x0) * sampleBytes, line, 0, span);
                int base = rowCell[r] * gw;
                if (sampleBytes == 1) {
                    for (int k = 0; k < columns.length; k++) {
                        sums[base + columnCell[k]] += line[columns[k] - x0] & 0xff;
                    }
                } else {
                    for (int k = 0; k < columns.length; k++) {
                        int at = 2 * (columns[k] - x0);
                        sums[base + columnCell[k]] += (line[at] & 0xff) | (line[at + 1] & 0xff) << 8;
                    }
                }
            }
            double mean = 0;
            for (int k = 0; k < out.length; k++) {
                out[k] = (float) (sums[k] * inverseCount[k]);
                mean += out[k];
            }
            mean /= out.length;
            double norm = 0;
            for (int k = 0; k < out.length; k++) {
                out[k] -= (float) mean;
                norm += out[k] * out[k];
            }
            // NaN cells (a footprint off the plane) and flat pictures compare with nothing.
            if (!(norm > 1e-6 * out.length)) {
                out[0] = Float.NaN;
                return;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < out.length; k++) {
                out[k] *= inv;
            }
        }

        private static int[] steps(int from, int to, int step) {
            int[] out = new int[Math.max(0, (to - from + step - 1) / step)];
            for (int k = 0; k < out.length; k++) {
                out[k] = from + k * step;
            }
            return out;
        }

        /** The cell of each pixel centre along one axis. */
        private static int[] cells(int[] at, double start, double length, int count) {
            int[] out = new int[at.length];
            for (int k = 0; k < at.length; k++) {
                int c = (int) Math.floor((at[k] + 0.5 - start) * count / length);
                out[k] = Math.max(0, Math.min(count - 1, c));
            }
            return out;
        }

        private static int clamp(int v, int size) {
            return Math.max(0, Math.min(size, v));
        }
    }
}
