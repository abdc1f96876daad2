package org.vidkompy.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairGenerator;
import org.vidkompy.synth.PairSpec;

/**
 * Generated pairs shared by the tests of one JVM: encoding takes a second or two per pair, so each
 * distinct spec is written once into a temporary folder that is removed at exit.
 */
public final class Fixtures {

    private static final Map CACHE = new Map();

    private Fixtures() {
    }

    public static GeneratedPair pair(String name, PairSpec spec) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                Path dir = Files.createTempDirectory("vidkompy-fixture-" + n);
                dir.toFile().deleteOnExit();
                GeneratedPair p = new PairGenerator().generate(spec, dir);
                p.background().toFile().deleteOnExit();
                p.foreground().toFile().deleteOnExit();
                p.truth().toFile().deleteOnExit();
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static GeneratedPair demo() {
        return pair("demo", PairSpec.demo());
    }

    private static final class Map extends ConcurrentHashMap<String, GeneratedPair> {
    }
}
