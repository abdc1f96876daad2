package org.vidkompy.ofx.effect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.io.MediaException;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Clip;
import org.vidkompy.media.FrameRange;
import org.vidkompy.media.Placement;
import org.vidkompy.media.Timing;

/**
 * What Analyze stores: the engine's {@link Alignment}, the one a {@code vidkompy analyze} sidecar
 * holds, plus where the two clips start on the host's timeline. Foreground frame {@code i} lies at
 * host time {@code fgStart + i}; the background frame under it, {@code map[i]}, at host time
 * {@code bgStart + map[i]} (a Background file has {@code bgStart} 0: its frame index).
 *
 * <p>Text, kept in the secret {@code alignmentData} parameter: a header line, then the sidecar
 * exactly as {@link AlignmentFile} writes it (one line of JSON, schema {@value Alignment#SCHEMA}):
 * <pre>
 * vidkompy-align/2 fgStart=0 bgStart=0
 * {"schema":"vidkompy.alignment/1","background":{...},"foreground":{...},"spatial":{...},"temporal":{...}}
 * </pre>
 * A reader rejects other majors and ignores header keys it does not know (minor additions).
 * Numbers in the header use a '.' decimal point and no fraction when whole.
 *
 * <p>Projects saved by earlier plugins hold {@code vidkompy-align/1}: an {@code xform X Y SCALE} line
 * and a run-length encoded {@code map FG_FIRST BG+STEPxCOUNT ...} of background host times. Those
 * still load; their map becomes the alignment's (clip sizes unknown: 0), and one without a map is
 * refused (it never steered anything but the time, which is then the identity anyway).
 */
public record StoredAlignment(Alignment alignment, double fgStart, double bgStart) {
    public static final String HEADER_PREFIX = "vidkompy-align/";
    public static final int MAJOR = 2;
    /** The format of earlier plugins, still read. */
    static final int LEGACY_MAJOR = 1;
    private static final Path ORIGIN = Path.of(AlignParams.ALIGNMENT_DATA);

    public StoredAlignment {
        Objects.requireNonNull(alignment, "alignment");
        if (alignment.temporal().map().length == 0) {
            throw new IllegalArgumentException("an alignment needs at least one fg frame");
        }
    }

    /** The number of foreground frames the map covers. */
    public int frames() {
        return alignment.temporal().map().length;
    }

    /**
     * Background host time (or file frame) under foreground host time {@code t}, before the user's
     * time offset; times outside the foreground hold its nearest end.
     */
    public double bgTime(double t) {
        int[] map = alignment.temporal().map();
        long index = Math.round(t - fgStart);
        return bgStart + map[(int) Math.max(0, Math.min(map.length - 1, index))];
    }

    /** "confidence: spatial 0.993, temporal 0.996; 150 of 150 fg frames matched" plus the unmatched host frames. */
    public String summary() {
        Timing timing = alignment.temporal();
        int frames = timing.map().length;
        int unmatched = timing.unmatched().stream().mapToInt(FrameRange::length).sum();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "confidence: spatial %.3f, temporal %.3f; %d of %d fg frames matched", alignment.spatial().confidence(),
                timing.confidence(), frames - unmatched, frames));
        if (!timing.unmatched().isEmpty()) {
            s.append("; unmatched:");
            long first = Math.round(fgStart);
            for (FrameRange r : timing.unmatched()) {
                s.append(' ').append(first + r.first());
                if (r.last() != r.first()) {
                    s.append('-').append(first + r.last());
                }
            }
        }
        return s.toString();
    }

    public String format() {
        return HEADER_PREFIX + MAJOR + " fgStart=" + num(fgStart) + " bgStart=" + num(bgStart) + "\n"
                + AlignmentFile.toJson(alignment, false);
    }

    /** Parses {@link #format()} output (or the legacy format); throws {@link IllegalArgumentException} with the reason. */
    public static StoredAlignment parse(String text) {
        Objects.requireNonNull(text, "text");
        String stripped = text.strip();
        int eol = stripped.indexOf('\n');
        String header = (eol < 0 ? stripped : stripped.substring(0, eol)).strip();
        String body = eol < 0 ? "" : stripped.substring(eol + 1);
        String[] fields = header.split("\\s+");
        if (!fields[0].startsWith(HEADER_PREFIX)) {
            throw new IllegalArgumentException("not vidkompy alignment data (header '" + header + "')");
        }
        int major;
        try {
            major = Integer.parseInt(fields[0].substring(HEADER_PREFIX.length()).split("\\.")[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad alignment data header '" + header + "'");
        }
        if (major == LEGACY_MAJOR) {
            return Legacy.parse(body);
        }
        if (major != MAJOR) {
            throw new IllegalArgumentException("alignment data version " + major + " is not supported (this plugin reads "
                    + LEGACY_MAJOR + " and " + MAJOR + ")");
        }
        double fgStart = 0;
        double bgStart = 0;
        for (int i = 1; i < fields.length; i++) {
            String[] kv = fields[i].split("=", 2);
            if (kv.length == 2 && kv[0].equals("fgStart")) {
                fgStart = number(kv[1], header);
            } else if (kv.length == 2 && kv[0].equals("bgStart")) {
                bgStart = number(kv[1], header);
            }
        }
        try {
            return new StoredAlignment(AlignmentFile.parse(body, ORIGIN), fgStart, bgStart);
        } catch (MediaException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static double number(String text, String header) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("bad number '" + text + "' in alignment data header '" + header + "'");
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Reads {@code vidkompy-align/1}: {@code xform X Y SCALE} and {@code map FG_FIRST BG+STEPxCOUNT ...}. */
    private static final class Legacy {
        private Legacy() {
        }

        static StoredAlignment parse(String body) {
            Placement placement = null;
            int fgFirst = 0;
            int[] bgTimes = null;
            for (String line : body.split("\\R")) {
                String[] f = line.strip().split("\\s+");
                if (f[0].equals("xform")) {
                    if (f.length != 4) {
                        throw new IllegalArgumentException("xform needs x y scale: '" + line + "'");
                    }
                    double scale = Double.parseDouble(f[3]);
                    if (!(scale > 0) || Double.isInfinite(scale)) {
                        throw new IllegalArgumentException("scale must be positive: " + scale);
                    }
                    placement = new Placement(Double.parseDouble(f[1]), Double.parseDouble(f[2]), scale, 1);
                } else if (f[0].equals("map")) {
                    if (f.length < 3) {
                        throw new IllegalArgumentException("map needs a first frame and runs: '" + line + "'");
                    }
                    fgFirst = Integer.parseInt(f[1]);
                    bgTimes = runs(f);
                }
            }
            if (placement == null) {
                throw new IllegalArgumentException("alignment data lacks an xform line");
            }
            if (bgTimes == null) {
                throw new IllegalArgumentException("vidkompy-align/1 data without a map (nothing to restore)");
            }
            int bgStart = Arrays.stream(bgTimes).min().orElse(0);
            int[] map = Arrays.stream(bgTimes).map(b -> b - bgStart).toArray();
            float[] confidence = new float[map.length];
            Arrays.fill(confidence, 1f);
            Clip fg = new Clip("", 0, 0, 0, map.length);
            Clip bg = new Clip("", 0, 0, 0, Arrays.stream(map).max().orElse(0) + 1L);
            return new StoredAlignment(new Alignment(bg, fg, placement, new Timing(1, map, confidence, List.of())),
                    fgFirst, bgStart);
        }

        private static int[] runs(String[] f) {
            List<Integer> out = new ArrayList<>();
            for (int k = 2; k < f.length; k++) {
                String run = f[k];
                int x = run.indexOf('x');
                int sign = Math.max(run.indexOf('+', 1), run.indexOf('-', 1));
                if (x < 0 || sign < 0 || sign > x) {
                    throw new IllegalArgumentException("bad map run '" + run + "' (want BG+STEPxCOUNT)");
                }
                int start = Integer.parseInt(run.substring(0, sign));
                int step = Integer.parseInt(run.substring(run.charAt(sign) == '+' ? sign + 1 : sign, x));
                int count = Integer.parseInt(run.substring(x + 1));
                if (count <= 0) {
                    throw new IllegalArgumentException("run count must be positive: '" + run + "'");
                }
                for (int i = 0; i < count; i++) {
                    out.add(start + i * step);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
