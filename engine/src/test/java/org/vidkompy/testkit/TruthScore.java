package org.vidkompy.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.vidkompy.media.Alignment;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.synth.Scene;

/**
 * An analysis scored against its generated pair's truth: position and scale errors, and how many fg
 * frames got the true bg frame (or one showing the same scene time, as in a still stretch).
 *
 * @param worst the largest miss, in bg frames, of a frame that is not exact
 */
public record TruthScore(double dx, double dy, double scaleError, int exact, int frames, int worst) {

    /** Scores {@code a}; with {@code -Dvidkompy.accuracy.verbose=true} every wrong frame is printed. */
    public static TruthScore of(Alignment a, PairSpec spec) {
        return of(a, spec, i -> false);
    }

    /** As {@link #of(Alignment, PairSpec)}, over the fg frames {@code without} does not name (frames with no picture). */
    public static TruthScore of(Alignment a, PairSpec spec, java.util.function.IntPredicate without) {
        Scene scene = new Scene(spec.seed(), spec.bgWidth(), spec.bgHeight(), spec.staticFrom(), spec.staticTo(), 0, 0,
                spec.still(), spec.holdCreep());
        int[] map = a.temporal().map();
        int[] truth = spec.map();
        assertEquals(truth.length, map.length, "one map entry per fg frame");
        boolean verbose = Boolean.getBoolean("vidkompy.accuracy.verbose");
        int exact = 0;
        int worst = 0;
        int frames = 0;
        for (int i = 0; i < truth.length; i++) {
            if (without.test(i)) {
                continue;
            }
            frames++;
            if (map[i] == truth[i] || scene.sceneTime(map[i]) == scene.sceneTime(truth[i])) {
                exact++;
            } else {
                worst = Math.max(worst, Math.abs(map[i] - truth[i]));
                if (verbose) {
                    System.out.printf("  fg %d: bg %d, truth %d%n", i, map[i], truth[i]);
                }
            }
        }
        return new TruthScore(a.spatial().x() - spec.x(), a.spatial().y() - spec.y(),
                a.spatial().scale() / spec.scale() - 1, exact, frames, worst);
    }

    /** Percentage of fg frames on the true bg frame. */
    public double share() {
        return 100.0 * exact / frames;
    }

    public double position() {
        return Math.hypot(dx, dy);
    }

    /** The target: frames, worst miss, position (px) and scale (0.1 %). */
    public void assertMeets(String name, double minShare, int maxWorst, double maxPosition) {
        assertMeets(name, minShare, maxWorst, maxPosition, 0.001);
    }

    /** As {@link #assertMeets(String, double, int, double)} with a known shortfall in scale too. */
    public void assertMeets(String name, double minShare, int maxWorst, double maxPosition, double maxScale) {
        assertTrue(position() <= maxPosition, name + ": position off by " + position());
        assertTrue(Math.abs(scaleError) <= maxScale, name + ": scale off by " + scaleError);
        assertTrue(share() >= minShare, name + ": only " + share() + "% of frames exact");
        assertTrue(worst <= maxWorst, name + ": a frame is off by " + worst);
    }

    /** Whether a test selected by name should run: {@code -Dvidkompy.accuracy.only=REGEX}, or all. */
    public static boolean selected(String name) {
        String only = System.getProperty("vidkompy.accuracy.only");
        return only == null || name.matches("(?i).*(" + only + ").*");
    }
}
