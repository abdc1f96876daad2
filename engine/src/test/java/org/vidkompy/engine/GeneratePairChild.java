package org.vidkompy.engine;

import java.io.IOException;
import java.nio.file.Path;
import org.vidkompy.synth.PairGenerator;

/**
 * Writes {@link LargeFrameMemoryTest}'s pair of WIDTH x HEIGHT into DIR, in a JVM of its own: the
 * synthetic scene needs far more heap than the analysis it feeds (see {@code Scene}).
 */
public final class GeneratePairChild {

    private GeneratePairChild() {
    }

    public static void main(String[] args) throws IOException {
        new PairGenerator().generate(LargeFrameMemoryTest.spec(Integer.parseInt(args[0]), Integer.parseInt(args[1])),
                Path.of(args[2]));
    }
}
