package org.vidkompy.compose;

import org.vidkompy.media.Timing;
import org.vidkompy.media.Placement;
import org.vidkompy.media.Clip;
import java.util.Arrays;
import java.util.List;
import org.vidkompy.media.Alignment;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;

/** The alignment a perfect analysis would find, built from the generator's truth (not from analysis). */
final class TruthAlignment {

    private TruthAlignment() {
    }

    static Alignment of(GeneratedPair p) {
        PairSpec s = p.spec();
        float[] conf = new float[s.map().length];
        Arrays.fill(conf, 1f);
        return new Alignment(
                new Clip(p.background().toString(), s.bgWidth(), s.bgHeight(), s.bgFps().toDouble(),
                        s.bgFrames()),
                new Clip(p.foreground().toString(), s.fgWidth(), s.fgHeight(), s.fgFps().toDouble(),
                        s.fgFrames()),
                new Placement(s.x(), s.y(), s.scale(), 1.0),
                new Timing(1.0, s.map().clone(), conf, List.of()));
    }
}
