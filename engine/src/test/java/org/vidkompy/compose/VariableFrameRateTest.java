package org.vidkompy.compose;

import org.vidkompy.media.FrameRange;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.media.Alignment;
import org.vidkompy.io.MediaJoiner;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;
import org.vidkompy.io.Rational;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.io.VideoWriter;
import org.vidkompy.io.WriterOptions;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

/** A variable-frame-rate fg (a screen recording's irregular timing) keeps its timestamps, in full and in joined chunks. */
class VariableFrameRateTest {

    @TempDir
    Path dir;

    @Test
    void theOutputHasTheFgsIrregularTimestamps() {
        GeneratedPair p = Fixtures.demo();
        Decoded demoFg = Decoded.of(p.foreground());
        // Same pictures, irregular gaps of 20..70 ms.
        Path vfr = dir.resolve("vfr.mp4");
        long[] ms = new long[demoFg.count()];
        ByteBuffer buf = ByteBuffer.allocateDirect(160 * 90 * 3);
        try (VideoWriter w = VideoWriter.create(vfr, WriterOptions.of(160, 90, new Rational(25, 1))
                .withTimeBase(new Rational(1, 1000)).withQuality(18, "ultrafast"))) {
            for (int i = 0; i < ms.length; i++) {
                ms[i] = i == 0 ? 0 : ms[i - 1] + 20 + (i * 37) % 51;
                buf.clear();
                buf.put(demoFg.frame(i)).flip();
                w.write(buf, ms[i]);
            }
            w.finish();
        }
        Alignment a = TruthAlignment.of(p);
        Renderer r = new Renderer(new VideoProbe());
        RenderOptions o = RenderOptions.to(dir.resolve("out.mp4")).withQuality(18, "ultrafast");
        r.render(p.background(), vfr, a, null, o, RenderListener.NONE);
        Decoded in = Decoded.of(vfr);
        Decoded out = Decoded.of(dir.resolve("out.mp4"));
        assertEquals(in.count(), out.count());
        for (int i = 0; i < in.count(); i++) {
            assertEquals(ms[i] / 1000.0, in.seconds().get(i), 1e-3, "fg timestamp " + i);
            assertEquals(in.seconds().get(i), out.seconds().get(i), 1e-6, "output timestamp " + i);
        }
        // Chunks joined end to end keep the irregular timing across the joins.
        Path c0 = dir.resolve("c0.mp4");
        Path c1 = dir.resolve("c1.mp4");
        r.render(p.background(), vfr, a, null, o.withOutput(c0).withFrames(new FrameRange(0, 70)), RenderListener.NONE);
        r.render(p.background(), vfr, a, null, o.withOutput(c1).withFrames(new FrameRange(71, 149)),
                RenderListener.NONE);
        Path joined = dir.resolve("joined.mp4");
        try (OutputFile claim = new OutputPolicy().claim(joined, false, List.of(c0, c1))) {
            MediaJoiner.join(List.of(c0, c1), claim, null);
        }
        Decoded j = Decoded.of(joined);
        assertEquals(in.count(), j.count());
        for (int i = 0; i < in.count(); i++) {
            assertEquals(in.seconds().get(i), j.seconds().get(i), 1e-6, "joined timestamp " + i);
        }
        System.out.printf("VFR fg: %d frames, gaps 20..70 ms, output and 2 joined chunks keep every timestamp "
                + "(last at %.3f s)%n", in.count(), j.seconds().get(in.count() - 1));
    }
}
