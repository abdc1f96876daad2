package org.vidkompy.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.io.FrameBuffer;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.image.PixelRect;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.FrameTimes;
import org.vidkompy.io.MediaClip;

/**
 * A video file (or a still image) as an analysis {@link ClipSource}. A scan records every frame's
 * timestamp and which frames are key frames, so single frames can be fetched exactly afterwards and
 * their cost is known.
 */
public final class FfmpegClipSource implements ClipSource {

    /**
     * A sample is taken at its planned time when the key frame before it is at most this many
     * frames earlier; otherwise this many frames after the key frame. That bounds the cost of
     * sampling even for files with key frames ten seconds apart.
     */
    static final int SAMPLE_DECODE_CAP = 30;
    /** Undecodable frames tolerated in a scan (see {@link #checkComplete}). */
    static final int MAX_LOST_FRAMES = 2;
    static final double MAX_LOST_SHARE = 0.1;
    /**
     * A part of a {@link #split} scan is at least this many frames, and at least a quarter of an even
     * share: shorter ones would not pay for their own decoder and seek.
     */
    static final int MIN_PART_FRAMES = 48;

    private final MediaClip video;
    /** Whether scans decode with the loop filter (see {@link #reference}). */
    private final boolean deblocked;
    private double[] timestamps = new double[0];
    private final BitSet keyFrames = new BitSet();
    private int scanned;

    /**
     * A clip scanned without H.264/HEVC deblocking: a quarter of the decode saved, and invisible in
     * the small thumbnails the bg becomes.
     */
    public FfmpegClipSource(MediaClip video) {
        this(video, false);
    }

    private FfmpegClipSource(MediaClip video, boolean deblocked) {
        this.video = video;
        this.deblocked = deblocked;
    }

    /**
     * A clip whose scans decode exactly, deblocking included: the fg, which every comparison holds
     * the bg against. In heavily compressed footage (crf 30 and beyond) the block edges left without
     * the loop filter survive into the fine thumbnails and tip frames whose neighbours barely differ;
     * deblocking only the fg (usually the smaller clip) costs a fraction of what both would.
     */
    public static FfmpegClipSource reference(MediaClip video) {
        return new FfmpegClipSource(video, true);
    }

    public Path path() {
        return video.path();
    }

    @Override
    public Clip info() {
        return new Clip(video.path().toString(), video.width(), video.height(), video.fps(), video.frameCount());
    }

    @Override
    public List<LumaImage> samples(int count) {
        int w = video.width();
        int h = video.height();
        List<LumaImage> out = new ArrayList<>();
        double duration = video.duration();
        double frame = 1.0 / Math.max(1, video.fps());
        try (FrameReader r = FrameReader.open(video.path(), ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, w, h)))) {
            if (video.frameCount() <= 1) {
                // A still image: its one picture is the sample.
                if (r.next()) {
                    out.add(copy(r.output(0)));
                }
                return out;
            }
            double lastTaken = -1;
            for (int k = 0; k < count; k++) {
                double t = (k + 0.5) / count * duration;
                r.seek(t);
                int decoded = 0;
                // Only a frame the last decode returned can be converted: one that ran past the end
                // (or into damage) leaves no current frame.
                boolean have = false;
                while (true) {
                    have = r.skip();
                    if (!have || r.timestamp() >= t - frame / 2 || ++decoded >= SAMPLE_DECODE_CAP) {
                        break;
                    }
                }
                if (!have || r.timestamp() <= lastTaken) {
                    continue;
                }
                lastTaken = r.timestamp();
                r.convertCurrent();
                out.add(copy(r.output(0)));
            }
        }
        if (out.isEmpty()) {
            throw new MediaException(video.path(), "damaged: no decodable frames");
        }
        return out;
    }

    /**
     * Most frames the file holds must decode. The decoder drops what it cannot decode and frames are
     * numbered in decode order, as the renderer numbers them, so a few drops (an open GOP's leading
     * frames, a damaged packet) are harmless; beyond a tenth the pictures left are too few and too
     * wrong (concealment smears damage until the next key frame) to trust the placement.
     */
    private void checkComplete(int decoded) {
        long expected = video.frameCount();
        if (decoded == 0) {
            throw new MediaException(video.path(), "damaged: no decodable frames");
        }
        long lost = expected - decoded;
        if (lost > Math.max(MAX_LOST_FRAMES, MAX_LOST_SHARE * expected)) {
            throw new MediaException(video.path(), "damaged: " + lost + " of " + expected
                    + " frames cannot be decoded");
        }
    }

    private static LumaImage copy(FrameBuffer buf) {
        byte[] px = new byte[buf.width() * buf.height()];
        buf.copyTo(px);
        return new LumaImage(buf.width(), buf.height(), px);
    }

    @Override
    public void scan(List<Thumb> thumbs, FrameVisitor visitor) {
        double[] ts = new double[(int) Math.max(16, video.frameCount() + 16)];
        keyFrames.clear();
        int n = 0;
        try (FrameReader r = FrameReader.open(video.path(), scanOptions(thumbs))) {
            Plane[] planes = planes(thumbs);
            Capture whole = () -> copy(r.onDemand(0));
            while (r.next()) {
                for (int i = 0; i < planes.length; i++) {
                    r.output(i).toPlane(planes[i]);
                }
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, ts.length * 2);
                }
                ts[n] = r.timestamp();
                if (r.keyFrame()) {
                    keyFrames.set(n);
                }
                n++;
                visitor.frame(r.index(), r.timestamp(), planes, whole);
            }
        }
        checkComplete(n);
        timestamps = ts;
        scanned = n;
    }

    /** Deblocked only for a {@link #reference} clip; the whole frames kept are converted only on request. */
    private ReaderOptions scanOptions(List<Thumb> thumbs) {
        List<FrameFormat> formats = new ArrayList<>();
        for (Thumb t : thumbs) {
            formats.add(new FrameFormat(PixelLayout.GRAY8, t.width(), t.height(), inPicture(t.region())));
        }
        return new ReaderOptions(formats, 0, !deblocked)
                .withOnDemand(FrameFormat.of(PixelLayout.GRAY8, video.width(), video.height()));
    }

    /**
     * A region of the clip as placed in the file's own picture, which is what the reader crops: the
     * same region unless the clip is resampled ({@link MediaClip#placedOn}), then rounded outwards to
     * whole pixels of the picture (a thumbnail's edges move by less than one of its pixels).
     */
    private PixelRect inPicture(PixelRect r) {
        if (r == null || !video.resampled()) {
            return r;
        }
        double sx = (double) video.pictureWidth() / video.width();
        double sy = (double) video.pictureHeight() / video.height();
        int x0 = (int) Math.floor(r.x() * sx + 1e-9);
        int y0 = (int) Math.floor(r.y() * sy + 1e-9);
        int x1 = Math.min(video.pictureWidth(), (int) Math.ceil((r.x() + r.width()) * sx - 1e-9));
        int y1 = Math.min(video.pictureHeight(), (int) Math.ceil((r.y() + r.height()) * sy - 1e-9));
        return new PixelRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    private static Plane[] planes(List<Thumb> thumbs) {
        Plane[] planes = new Plane[thumbs.size()];
        for (int i = 0; i < thumbs.size(); i++) {
            planes[i] = Plane.allocate(thumbs.get(i).width(), thumbs.get(i).height());
        }
        return planes;
    }

    /**
     * Cut at the key frames nearest even shares of the clip, with frames numbered from the probe's
     * packet times; each part checks every frame it decodes against those times.
     */
    @Override
    public SplitScan split(int parts) {
        int[] starts = cuts(0, (int) video.frameCount(), parts);
        return starts == null ? null : new FileSplit(starts, (int) video.frameCount(), 0, true);
    }

    /**
     * Where parts of frames {@code from .. to - 1} start: {@code from}, then the key frames nearest
     * even shares, each part at least {@link #MIN_PART_FRAMES} long and a quarter of a share; null
     * where fewer than two parts are left.
     */
    private int[] cuts(int from, int to, int parts) {
        FrameTimes times = video.times();
        if (parts < 2 || times == null || times.count() != video.frameCount() || to > times.count()) {
            return null;
        }
        int[] keys = times.keys();
        int n = to - from;
        int least = Math.max(MIN_PART_FRAMES, n / (4 * parts));
        int[] starts = new int[parts];
        int count = 1;
        starts[0] = from;
        for (int p = 1; p < parts; p++) {
            long target = from + (long) p * n / parts;
            int best = -1;
            for (int k : keys) {
                if (best < 0 || Math.abs(k - target) < Math.abs(best - target)) {
                    best = k;
                }
            }
            if (best - starts[count - 1] >= least && to - best >= least) {
                starts[count++] = best;
            }
        }
        return count < 2 ? null : Arrays.copyOf(starts, count);
    }

    /** The parts of a {@link #split} scan, and what they found. */
    private final class FileSplit implements SplitScan {
        private final int[] starts;
        private final int end;
        /** The frame visited as frame 0, and whether the parts tell the clip its frames (a whole scan). */
        private final int base;
        private final boolean whole;
        private final FrameTimes times;
        private final double t0;
        private final double[] found;
        private final BitSet keys = new BitSet();
        private final int[] visited;
        private volatile boolean broken;

        FileSplit(int[] starts, int end, int base, boolean whole) {
            this.starts = starts;
            this.end = end;
            this.base = base;
            this.whole = whole;
            this.times = video.times();
            // A window is timed from its first frame (as its own scan is); the whole clip as the file is.
            this.t0 = whole ? 0 : times.seconds(base);
            this.found = new double[end - base];
            this.visited = new int[starts.length];
        }

        @Override
        public int parts() {
            return starts.length;
        }

        @Override
        public void scan(int part, List<Thumb> thumbs, int threads, FrameVisitor visitor) {
            int from = starts[part];
            int to = part + 1 < starts.length ? starts[part + 1] : end;
            // A frame a quarter of a frame away from its packet's time is not the frame of that number.
            double slack = 0.25 / Math.max(1, video.fps());
            int n = 0;
            try (FrameReader r = FrameReader.open(video.path(), scanOptions(thumbs).withThreads(threads))) {
                Plane[] planes = planes(thumbs);
                Capture picture = () -> copy(r.onDemand(0));
                if (from > 0) {
                    r.seek(times.seconds(from), from);
                }
                while (!broken && r.index() + 1 < to && r.next()) {
                    int i = r.index();
                    if (i < from || Math.abs(r.timestamp() - times.seconds(i)) > slack) {
                        broken = true;
                        return;
                    }
                    for (int k = 0; k < planes.length; k++) {
                        r.output(k).toPlane(planes[k]);
                    }
                    found[i - base] = r.timestamp();
                    if (r.keyFrame()) {
                        synchronized (keys) {
                            keys.set(i);
                        }
                    }
                    n++;
                    visitor.frame(i - base, r.timestamp() - t0, planes, picture);
                }
            } catch (MediaException e) {
                // Where a part cannot be read, the whole scan reads the file again and says why.
                broken = true;
                return;
            }
            visited[part] = n;
        }

        @Override
        public boolean complete() {
            for (int p = 0; p < starts.length; p++) {
                int to = p + 1 < starts.length ? starts[p + 1] : end;
                if (broken || visited[p] != to - starts[p]) {
                    return false;
                }
            }
            if (!whole) {
                return true;
            }
            timestamps = found;
            scanned = found.length;
            keyFrames.clear();
            synchronized (keys) {
                keyFrames.or(keys);
            }
            return true;
        }
    }

    /**
     * Every frame is numbered from the packets' presentation times, read without decoding: frame
     * {@code i} is the packet with the {@code i}-th smallest time (what a full scan counts, for files
     * whose frames all decode). Afterwards single frames and {@link #window}s work without a full scan.
     */
    @Override
    public KeyFrames keyFrames(int longestSide, int maxKeys) {
        if (video.frameCount() <= 1) {
            return null;
        }
        double factor = Math.max(1.0, (double) Math.max(video.width(), video.height()) / longestSide);
        int w = Math.max(1, (int) Math.round(video.width() / factor));
        int h = Math.max(1, (int) Math.round(video.height() / factor));
        long[][] pts = {new long[(int) Math.max(16, video.frameCount() + 16)]};
        int[] count = {0};
        boolean[] untimed = {false};
        List<Long> keyPts = new ArrayList<>();
        List<LumaImage> pictures = new ArrayList<>();
        double timeBase;
        try (FrameReader r = FrameReader.open(video.path(),
                new ReaderOptions(List.of(FrameFormat.of(PixelLayout.GRAY8, w, h)), 0, true))) {
            timeBase = r.timeBase().toDouble();
            r.keyFramesOnly(p -> {
                if (p == Long.MIN_VALUE) {
                    untimed[0] = true;
                    return;
                }
                if (count[0] == pts[0].length) {
                    pts[0] = Arrays.copyOf(pts[0], pts[0].length * 2);
                }
                pts[0][count[0]++] = p;
            });
            while (r.next()) {
                if (keyPts.size() >= maxKeys || untimed[0]) {
                    return null;
                }
                keyPts.add(r.pts());
                pictures.add(copy(r.output(0)));
            }
            if (r.damaged() || r.decodeErrors() > 0) {
                return null;
            }
        }
        int n = count[0];
        if (untimed[0] || keyPts.isEmpty() || n < 2) {
            return null;
        }
        long[] sorted = Arrays.copyOf(pts[0], n);
        Arrays.sort(sorted);
        double[] ts = new double[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                return null; // two frames at one time: which is which only a decode tells
            }
            ts[i] = sorted[i] * timeBase;
        }
        int[] indices = new int[keyPts.size()];
        double[] keyTimes = new double[indices.length];
        BitSet keys = new BitSet();
        for (int k = 0; k < indices.length; k++) {
            indices[k] = Arrays.binarySearch(sorted, keyPts.get(k));
            if (indices[k] < 0 || (k > 0 && indices[k] <= indices[k - 1])) {
                return null;
            }
            keyTimes[k] = ts[indices[k]];
            keys.set(indices[k]);
        }
        timestamps = ts;
        scanned = n;
        keyFrames.clear();
        keyFrames.or(keys);
        double duration = ts[n - 1] - ts[0] + (n > 1 ? (ts[n - 1] - ts[0]) / (n - 1) : 0);
        return new KeyFrames(indices, keyTimes, pictures, (double) video.width() / w, n, duration);
    }

    @Override
    public ClipSource window(int from, int to) {
        FrameTimes times = video.times();
        if (scanned == 0 && evenlyTimed() && times.keys().length > 0) {
            numberFromPackets(times);
        }
        if (from < 0 || to > scanned || from >= to) {
            return null;
        }
        return new Window(from, to);
    }

    /** Frames {@code from .. to - 1} of this file, numbered and timed from 0. */
    private final class Window implements ClipSource {
        private final int from;
        private final int to;

        Window(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public Clip info() {
            Clip whole = FfmpegClipSource.this.info();
            return new Clip(whole.name(), whole.width(), whole.height(), whole.fps(), to - from);
        }

        @Override
        public List<LumaImage> samples(int count) {
            List<LumaImage> out = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                out.add(frame((int) ((k + 0.5) * (to - from) / count)));
            }
            return out;
        }

        @Override
        public void scan(List<Thumb> thumbs, FrameVisitor visitor) {
            double t0 = timestamps[from];
            int n = 0;
            try (FrameReader r = FrameReader.open(video.path(), scanOptions(thumbs))) {
                Plane[] planes = planes(thumbs);
                Capture whole = () -> copy(r.onDemand(0));
                r.seek(t0, from);
                while (r.index() + 1 < to && r.next()) {
                    for (int i = 0; i < planes.length; i++) {
                        r.output(i).toPlane(planes[i]);
                    }
                    n++;
                    visitor.frame(r.index() - from, r.timestamp() - t0, planes, whole);
                }
            }
            if (n != to - from) {
                throw new MediaException(video.path(), "damaged: " + (to - from - n) + " of the frames "
                        + from + ".." + (to - 1) + " cannot be decoded");
            }
        }

        @Override
        public SplitScan split(int parts) {
            int[] starts = cuts(from, to, parts);
            return starts == null ? null : new FileSplit(starts, to, from, false);
        }

        @Override
        public LumaImage frame(int index) {
            return FfmpegClipSource.this.frame(check(index) + from);
        }

        @Override
        public List<LumaImage> frames(int first, int count) {
            int a = Math.max(0, first);
            int end = Math.min(to - from, first + count);
            return a >= end ? List.of() : FfmpegClipSource.this.frames(a + from, end - a);
        }

        @Override
        public int fetchCost(int index) {
            return index < 0 || index >= to - from ? Integer.MAX_VALUE / 2 : FfmpegClipSource.this.fetchCost(index + from);
        }

        private int check(int index) {
            if (index < 0 || index >= to - from) {
                throw new IllegalArgumentException("frame " + index + " is not among the " + (to - from) + " frames");
            }
            return index;
        }

        @Override
        public void close() {
            // Readers are opened per call and closed there.
        }
    }

    /**
     * The clip's {@link FrameTimes#referenceFrames() reference frames} (H.264 pictures with a nonzero
     * {@code nal_ref_idc}) as a clip of their own, numbered from 0 and timed as in the file: a scan
     * decodes nothing else (a typical x264 file's non-reference B-frames are 40 % of its frames and 30 %
     * of its decoding), each exactly as in a full decode; single frames come from the
     * file. Null where the packets do not tell which frames those are, or where they are most of the
     * clip (nothing to gain).
     */
    @Override
    public Subset referenceFrames() {
        FrameTimes times = video.times();
        if (video.frameCount() < MIN_PART_FRAMES || times == null || times.count() != video.frameCount()) {
            return null;
        }
        int[] refs = times.referenceFrames();
        if (refs == null || refs.length < MIN_PART_FRAMES || refs.length > MAX_REFERENCE_SHARE * times.count()) {
            return null;
        }
        numberFromPackets(times);
        return new Subset(new ReferenceFrames(refs, times), refs);
    }

    /**
     * Single frames and windows are fetched by their times and from the key frame before them, which
     * the probe's packets tell without a scan.
     */
    private void numberFromPackets(FrameTimes times) {
        double[] ts = new double[times.count()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = times.seconds(i);
        }
        timestamps = ts;
        scanned = ts.length;
        keyFrames.clear();
        for (int k : times.keys()) {
            keyFrames.set(k);
        }
    }

    @Override
    public boolean evenlyTimed() {
        FrameTimes times = video.times();
        return times != null && times.count() == video.frameCount() && times.evenlySpaced();
    }

    /** Where more of the frames than this are reference frames, a look at them alone saves too little. */
    static final double MAX_REFERENCE_SHARE = 0.7;

    /** The reference frames of this file: frame {@code k} is file frame {@code full[k]}. */
    private final class ReferenceFrames implements ClipSource {
        private final int[] full;
        private final FrameTimes times;

        ReferenceFrames(int[] full, FrameTimes times) {
            this.full = full;
            this.times = times;
        }

        @Override
        public Clip info() {
            Clip whole = FfmpegClipSource.this.info();
            return new Clip(whole.name(), whole.width(), whole.height(), whole.fps() * full.length / whole.frames(),
                    full.length);
        }

        @Override
        public List<LumaImage> samples(int count) {
            return FfmpegClipSource.this.samples(count);
        }

        @Override
        public void scan(List<Thumb> thumbs, FrameVisitor visitor) {
            scanPart(0, full.length, thumbs, 0, visitor, false);
        }

        /**
         * Visits frames {@code from .. to - 1} of this clip, from the key frame at or before the first.
         * @return whether every one came, each at its time
         */
        private boolean scanPart(int from, int to, List<Thumb> thumbs, int threads, FrameVisitor visitor,
                                 boolean quiet) {
            double slack = 0.25 / Math.max(1, video.fps());
            int k = from;
            try (FrameReader r = FrameReader.open(video.path(),
                    scanOptions(thumbs).withThreads(threads).withReferenceOnly())) {
                Plane[] planes = planes(thumbs);
                Capture picture = () -> copy(r.onDemand(0));
                if (from > 0) {
                    r.seek(times.seconds(full[from]), full[from]);
                }
                while (k < to && r.next()) {
                    if (Math.abs(r.timestamp() - times.seconds(full[k])) > slack) {
                        if (quiet) {
                            return false;
                        }
                        throw new NotAsPromised("frame at " + r.timestamp() + " s where " + times.seconds(full[k])
                                + " s was due");
                    }
                    for (int i = 0; i < planes.length; i++) {
                        r.output(i).toPlane(planes[i]);
                    }
                    visitor.frame(k, r.timestamp(), planes, picture);
                    k++;
                }
            } catch (MediaException e) {
                if (quiet) {
                    return false;
                }
                throw new NotAsPromised(e.getMessage());
            }
            if (k < to && !quiet) {
                throw new NotAsPromised((to - k) + " reference frames did not decode");
            }
            return k == to;
        }

        @Override
        public SplitScan split(int parts) {
            int[] cuts = cuts(0, (int) video.frameCount(), parts);
            if (cuts == null) {
                return null;
            }
            int[] starts = new int[cuts.length];
            for (int p = 0; p < cuts.length; p++) {
                int at = Arrays.binarySearch(full, cuts[p]);
                if (at < 0) {
                    return null; // a key frame is always a reference frame; where not, the packets lied
                }
                starts[p] = at;
            }
            boolean[] ok = new boolean[starts.length];
            return new SplitScan() {
                @Override
                public int parts() {
                    return starts.length;
                }

                @Override
                public void scan(int part, List<Thumb> thumbs, int threads, FrameVisitor visitor) {
                    int to = part + 1 < starts.length ? starts[part + 1] : full.length;
                    ok[part] = scanPart(starts[part], to, thumbs, threads, visitor, true);
                }

                @Override
                public boolean complete() {
                    for (boolean b : ok) {
                        if (!b) {
                            return false;
                        }
                    }
                    return true;
                }
            };
        }

        @Override
        public LumaImage frame(int index) {
            return FfmpegClipSource.this.frame(full[check(index)]);
        }

        @Override
        public List<LumaImage> frames(int first, int count) {
            int a = Math.max(0, first);
            int end = Math.min(full.length, first + count);
            if (a >= end) {
                return List.of();
            }
            int[] wanted = Arrays.copyOfRange(full, a, end);
            return framesAt(wanted);
        }

        @Override
        public int fetchCost(int index) {
            return index < 0 || index >= full.length ? Integer.MAX_VALUE / 2
                    : FfmpegClipSource.this.fetchCost(full[index]);
        }

        private int check(int index) {
            if (index < 0 || index >= full.length) {
                throw new IllegalArgumentException("frame " + index + " is not among the " + full.length + " frames");
            }
            return index;
        }

        @Override
        public void close() {
            // Readers are opened per call and closed there.
        }
    }

    @Override
    public int fetchCost(int index) {
        if (index >= scanned) {
            return Integer.MAX_VALUE / 2;
        }
        int key = keyFrames.previousSetBit(index);
        return key < 0 ? index + 1 : index - key + 1;
    }

    @Override
    public LumaImage frame(int index) {
        if (index < 0 || index >= scanned) {
            throw new IllegalArgumentException("frame " + index + " is not among the " + scanned + " scanned frames");
        }
        return frames(index, 1).get(0);
    }

    @Override
    public List<LumaImage> frames(int from, int count) {
        int first = Math.max(0, from);
        int end = Math.min(scanned, from + count);
        if (first >= end) {
            return new ArrayList<>();
        }
        int[] wanted = new int[end - first];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = first + i;
        }
        return framesAt(wanted);
    }

    /** Frames {@code wanted} (rising, scanned), decoded in one run from the first; only they are copied. */
    private List<LumaImage> framesAt(int[] wanted) {
        List<LumaImage> out = new ArrayList<>();
        int first = wanted[0];
        int end = wanted[wanted.length - 1] + 1;
        if (first < 0 || end > scanned) {
            throw new IllegalArgumentException("frames " + first + ".." + (end - 1) + " are not among the "
                    + scanned + " scanned frames");
        }
        // One decoder thread: the analysis fetches frames on every core at once (a pair's frames, a
        // run of moments per pair), and frame threads would only add each their own context and frames
        // in flight to every fetch.
        try (FrameReader r = FrameReader.open(video.path(),
                ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, video.width(), video.height())).withThreads(1))) {
            r.seek(timestamps[first], first);
            int w = 0;
            for (int i = first; i < end; i++) {
                boolean wantedHere = i == wanted[w];
                if (!(wantedHere ? r.next() : r.skip())) {
                    throw new MediaException(video.path(), "cannot decode frame " + i);
                }
                if (wantedHere) {
                    out.add(copy(r.output(0)));
                    w++;
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        // Readers are opened per call and closed there.
    }
}
