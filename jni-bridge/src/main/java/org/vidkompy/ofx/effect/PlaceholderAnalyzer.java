package org.vidkompy.ofx.effect;

import java.util.Optional;

/**
 * Stand-in until the engine is wired: exercises the plumbing (frame fetches at arbitrary times on
 * both clips, progress, cancellation) and proposes the foreground centred in the background at
 * scale 1 with the identity frame map. It does not look at the pixels beyond touching them.
 */
public final class PlaceholderAnalyzer implements OfxAnalyzer {
    static final int SAMPLES = 8;

    @Override
    public Optional<AlignmentRecord> analyze(AnalysisSession session) {
        double[] fgRange = session.foregroundRange();
        double[] bgRange = session.backgroundRange();
        int first = (int) Math.round(fgRange[0]);
        int last = (int) Math.round(fgRange[1]);
        int n = Math.max(1, Math.min(SAMPLES, last - first + 1));
        for (int k = 0; k < n; k++) {
            double t = n == 1 ? first : Math.round(first + (double) k * (last - first) / (n - 1));
            double bt = Math.max(bgRange[0], Math.min(bgRange[1], t));
            try (AnalysisSession.Frame fg = session.foreground(t); AnalysisSession.Frame bg = session.background(bt)) {
                touch(fg);
                touch(bg);
            }
            if (!session.progress((k + 1.0) / n)) {
                return Optional.empty();
            }
        }
        double[] f = session.foregroundRegion();
        double[] b = session.backgroundRegion();
        double x = ((b[2] - b[0]) - (f[2] - f[0])) / 2;
        double y = ((b[3] - b[1]) - (f[3] - f[1])) / 2;
        int count = last - first + 1;
        AlignmentRecord.FrameMap identity = new AlignmentRecord.FrameMap(first,
                java.util.List.of(new AlignmentRecord.Run(first, 1, Math.max(1, count))));
        return Optional.of(new AlignmentRecord(Math.round(x), Math.round(y), 1.0, identity));
    }

    private static void touch(AnalysisSession.Frame frame) {
        var img = frame.image();
        if (!img.bounds().isEmpty()) {
            img.get(img.bounds().x1(), img.bounds().y1(), 3);
        }
    }
}
