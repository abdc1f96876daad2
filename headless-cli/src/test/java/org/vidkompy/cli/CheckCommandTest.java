package org.vidkompy.cli;

import org.vidkompy.media.Timing;
import org.vidkompy.media.Placement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void passesOnItsOwnSidecarAndFailsWhenTheExpectationIsPerturbed() {
        GeneratedPair p = Fixtures.demo();
        Path golden = dir.resolve("golden.json");
        assertEquals(0, CliRun.of("analyze", p.background().toString(), p.foreground().toString(), "-o",
                golden.toString(), "--no-cache").exit());
        CliRun ok = CliRun.of("check", p.background().toString(), p.foreground().toString(), "--expect",
                golden.toString());
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().startsWith("ok"), ok.out());

        Alignment a = AlignmentFile.read(golden);
        int[] shifted = a.temporal().map().clone();
        for (int i = 40; i < 60; i++) {
            shifted[i] += 2;
        }
        Alignment moved = new Alignment(a.background(), a.foreground(),
                new Placement(a.spatial().x() + 1.5, a.spatial().y(), a.spatial().scale(), 1),
                new Timing(1, shifted, a.temporal().frameConfidence(), a.temporal().unmatched()));
        Path perturbed = dir.resolve("perturbed.json");
        AlignmentFile.write(moved, perturbed);
        CliRun bad = CliRun.of("check", p.background().toString(), p.foreground().toString(), "--expect",
                perturbed.toString());
        assertEquals(1, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.out().contains("spatial.x moved by -1.5"), bad.out());
        assertTrue(bad.out().contains("fg frames 40-59 moved by up to -2"), bad.out());
        CliRun tolerant = CliRun.of("check", p.background().toString(), p.foreground().toString(), "--expect",
                perturbed.toString(), "--tolerance-frames", "2", "--tolerance-px", "2");
        assertEquals(0, tolerant.exit(), tolerant.out());
    }
}
