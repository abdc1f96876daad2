package org.vidkompy.cli;

import org.vidkompy.media.Placement;
import org.vidkompy.media.FrameRange;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.Analyzer;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.align.ShiftGuess;

/** The human-readable lines about an alignment. */
final class Summary {
    private Summary() {
    }

    /** comp's look at a few seconds of the fg ({@link ShiftGuess}), before the render checks the rest. */
    static String of(ShiftGuess.Guess g) {
        Placement s = g.alignment().spatial();
        int[] map = g.alignment().temporal().map();
        Analyzer.Timings t = g.timings();
        return String.format("spatial:  x=%.2f y=%.2f scale=%.4f (confidence %.3f)%n", s.x(), s.y(), s.scale(),
                s.confidence())
                + String.format("temporal: fg frames 0..%d -> bg frames %d..%d: fg frames %d..%d are bg frame + %d;"
                        + " the render checks every frame%n", map.length - 1, map[0], map[map.length - 1],
                        g.fgFrom(), g.fgFrom() + g.fgFramesLooked() - 1, g.shift())
                + String.format("time:     %.2f s (sampling %.2f, scan %.2f, spatial %.2f, temporal %.2f; %d fg and %d bg"
                        + " frames)", g.seconds(), t.sampling(), t.scan(), t.spatial(), t.temporal(),
                        g.fgFramesLooked(), g.bgFramesLooked());
    }

    static String of(PairAnalysis.Outcome o) {
        Alignment a = o.alignment();
        Placement s = a.spatial();
        int[] map = a.temporal().map();
        StringBuilder b = new StringBuilder();
        b.append(String.format("spatial:  x=%.2f y=%.2f scale=%.4f (confidence %.3f)%n", s.x(), s.y(), s.scale(),
                s.confidence()));
        b.append(String.format("temporal: fg frames 0..%d -> bg frames %d..%d (confidence %.3f)", map.length - 1,
                map[0], map[map.length - 1], a.temporal().confidence()));
        int unmatched = a.temporal().unmatched().stream().mapToInt(FrameRange::length).sum();
        if (unmatched > 0) {
            b.append(String.format("%n          %d fg frames not found in the bg: %s", unmatched,
                    a.temporal().unmatched().stream().map(r -> r.first() + "-" + r.last()).toList()));
        }
        java.util.List<org.vidkompy.media.TimeJump> jumps = a.jumps();
        if (!jumps.isEmpty()) {
            // One line: where the fg's time jumps (a replay goes back), the first few of them.
            b.append(String.format("%n          %d time jumps: %s%s", jumps.size(), String.join(", ", jumps.stream()
                    .limit(5).map(j -> (j.backward() ? "back" : "forward") + " at fg " + j.fgFrame() + " (bg "
                            + j.bgBefore() + " -> " + j.bgAfter() + ")").toList()), jumps.size() > 5 ? ", ..." : ""));
        }
        if (o.fromCache()) {
            b.append(String.format("%n          (from the cache)"));
        } else if (o.details().isPresent()) {
            Analyzer.Result r = o.details().get();
            Analyzer.Timings t = r.timings();
            b.append(String.format("%ntime:     %.2f s (sampling %.2f, scan %.2f, spatial %.2f, temporal %.2f)",
                    t.total(), t.sampling(), t.scan(), t.spatial(), t.temporal()));
            if (r.bgKeyFrames() > 0) {
                // A long bg: its key frames were looked at first, then only a window decoded.
                b.append(String.format("%n          bg key frames looked at first: %d (%.2f s); bg frames %d..%d decoded",
                        r.bgKeyFrames(), t.look(), r.bgWindow().first(), r.bgWindow().last()));
            }
            if (r.bgReferenceFrames() > 0) {
                // Only the bg's reference frames were decoded: the fg is the bg shifted by whole frames.
                b.append(String.format("%n          bg reference frames decoded: %d of %d (the fg is a shift of the bg)",
                        r.bgReferenceFrames(), r.alignment().background().frames()));
            }
            if (t.referenceNotTaken() > 0) {
                b.append(String.format("%n          bg reference frames analysed and not taken: %.2f s",
                        t.referenceNotTaken()));
            }
            if (t.windowsNotTaken() > 0) {
                b.append(String.format("%n          bg windows analysed and not taken: %.2f s", t.windowsNotTaken()));
            }
        }
        return b.toString();
    }
}
