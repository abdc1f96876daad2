package org.vidkompy.ofx.effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The stored analysis result: placement plus an optional foreground-to-background frame map.
 *
 * <p>Text format (multi-line, versioned, compact), kept in the secret {@code alignmentData} param:
 * <pre>
 * vidkompy-align/1
 * xform X Y SCALE
 * map FG_FIRST BG+STEPxCOUNT BG+STEPxCOUNT ...
 * </pre>
 * The first line names the format and its major version; a reader rejects other majors. {@code xform}
 * is the foreground's top-left corner in background pixels (y down) and its scale. {@code map}
 * (optional) is run-length encoded: starting at foreground frame FG_FIRST, each run gives COUNT
 * consecutive foreground frames the background frames BG, BG+STEP, BG+2*STEP... (STEP may be 0 or
 * negative). Lines with other keys are ignored, so minor additions stay readable by older plugins.
 * Numbers use a '.' decimal point, at most six decimals, and integers carry no fraction.
 */
public record AlignmentRecord(double x, double y, double scale, FrameMap map) {
    public static final String HEADER_PREFIX = "vidkompy-align/";
    public static final int MAJOR = 1;

    public AlignmentRecord {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    /** One run: foreground frames first..first+count-1 show bgStart + i*step. */
    public record Run(int bgStart, int step, int count) {
        public Run {
            if (count <= 0) {
                throw new IllegalArgumentException("run count must be positive: " + count);
            }
        }
    }

    /** Foreground frame -> background frame; absent frames hold the nearest end. */
    public record FrameMap(int fgFirst, List<Run> runs) {
        public FrameMap {
            runs = List.copyOf(runs);
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("a frame map needs at least one run");
            }
        }

        public int length() {
            return runs.stream().mapToInt(Run::count).sum();
        }

        public int bgFrame(int fgFrame) {
            int index = Math.max(0, Math.min(length() - 1, fgFrame - fgFirst));
            for (Run run : runs) {
                if (index < run.count()) {
                    return run.bgStart() + index * run.step();
                }
                index -= run.count();
            }
            throw new AssertionError("unreachable");
        }

        /** Run-length encodes bg[i] for foreground frames fgFirst + i. */
        public static FrameMap encode(int fgFirst, int[] bg) {
            List<Run> runs = new ArrayList<>();
            int i = 0;
            while (i < bg.length) {
                int step = i + 1 < bg.length ? bg[i + 1] - bg[i] : 1;
                int j = i + 1;
                while (j < bg.length && bg[j] - bg[j - 1] == step) {
                    j++;
                }
                runs.add(new Run(bg[i], j - i == 1 ? 1 : step, j - i));
                i = j;
            }
            return new FrameMap(fgFirst, runs);
        }
    }

    /** Background time for foreground time t (before the user's time offset). */
    public double bgTime(double t) {
        return map == null ? t : map.bgFrame((int) Math.round(t));
    }

    public String format() {
        StringBuilder s = new StringBuilder(HEADER_PREFIX).append(MAJOR).append('\n');
        s.append("xform ").append(num(x)).append(' ').append(num(y)).append(' ').append(num(scale));
        if (map != null) {
            s.append("\nmap ").append(map.fgFirst());
            for (Run r : map.runs()) {
                s.append(' ').append(r.bgStart()).append(r.step() >= 0 ? "+" : "").append(r.step())
                        .append('x').append(r.count());
            }
        }
        return s.toString();
    }

    /** Parses {@link #format()} output; throws {@link IllegalArgumentException} with the reason. */
    public static AlignmentRecord parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = text.strip().split("\\R");
        String header = lines[0].strip();
        if (!header.startsWith(HEADER_PREFIX)) {
            throw new IllegalArgumentException("not vidkompy alignment data (header '" + header + "')");
        }
        int major;
        try {
            major = Integer.parseInt(header.substring(HEADER_PREFIX.length()).split("\\.")[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad alignment data header '" + header + "'");
        }
        if (major != MAJOR) {
            throw new IllegalArgumentException("alignment data version " + major + " is not supported (this plugin reads "
                    + MAJOR + ")");
        }
        Double x = null, y = null, scale = null;
        FrameMap map = null;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split("\\s+");
            if (f[0].equals("xform")) {
                if (f.length != 4) {
                    throw new IllegalArgumentException("xform needs x y scale: '" + lines[i] + "'");
                }
                x = Double.parseDouble(f[1]);
                y = Double.parseDouble(f[2]);
                scale = Double.parseDouble(f[3]);
            } else if (f[0].equals("map")) {
                map = parseMap(f, lines[i]);
            }
        }
        if (x == null) {
            throw new IllegalArgumentException("alignment data lacks an xform line");
        }
        return new AlignmentRecord(x, y, scale, map);
    }

    private static FrameMap parseMap(String[] f, String line) {
        if (f.length < 3) {
            throw new IllegalArgumentException("map needs a first frame and runs: '" + line + "'");
        }
        List<Run> runs = new ArrayList<>();
        for (int k = 2; k < f.length; k++) {
            String run = f[k];
            int x = run.indexOf('x');
            int sign = Math.max(run.indexOf('+', 1), run.indexOf('-', 1));
            if (x < 0 || sign < 0 || sign > x) {
                throw new IllegalArgumentException("bad map run '" + run + "' (want BG+STEPxCOUNT)");
            }
            runs.add(new Run(Integer.parseInt(run.substring(0, sign)),
                    Integer.parseInt(run.substring(run.charAt(sign) == '+' ? sign + 1 : sign, x)),
                    Integer.parseInt(run.substring(x + 1))));
        }
        return new FrameMap(Integer.parseInt(f[1]), runs);
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
