package org.vidkompy.align;

import org.vidkompy.media.Alignment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.provider.Arguments;
import org.vidkompy.compose.FrameSink;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.compose.Renderer;
import org.vidkompy.engine.EngineModule;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.synth.PairSpec;
import org.vidkompy.testkit.Fixtures;

/**
 * Before/after proof for refactorings that must not change behaviour: a digest of every accuracy
 * case's alignment (placement, map, confidences) and of every composited frame before encoding.
 *
 * <p>Opt-in, because the digests hold only on one machine and one FFmpeg build (swscale's SIMD paths
 * are not bit-exact across CPUs): record on the code before the change, check on the code after.
 * <pre>
 * ./mvnw -pl engine -am test -Dtest=ParityTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dvidkompy.parity=record -Dvidkompy.parity.file=/tmp/parity.txt      (before)
 * ... -Dvidkompy.parity=check -Dvidkompy.parity.file=/tmp/parity.txt       (after)
 * </pre>
 */
@EnabledIfSystemProperty(named = "vidkompy.parity", matches = "record|check")
class ParityTest {

    @Test
    void alignmentsAndRenderedFramesAreUnchanged() throws IOException {
        Map<String, String> now = new LinkedHashMap<>();
        PairAnalysis analysis = Guice.createInjector(new EngineModule()).getInstance(PairAnalysis.class);
        Renderer renderer = Guice.createInjector(new EngineModule()).getInstance(Renderer.class);
        try (Stream<Arguments> cases = AccuracySuiteTest.cases()) {
            for (Arguments c : cases.toList()) {
                String name = (String) c.get()[0];
                PairSpec spec = (PairSpec) c.get()[1];
                GeneratedPair pair = Fixtures.pair("acc-" + name.replaceAll("\\W+", "-"), spec);
                Alignment a = analysis.run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null,
                        AnalysisProgress.NONE, w -> { }).alignment();
                Digest frames = new Digest();
                renderer.render(pair.background(), pair.foreground(), a,
                        RenderOptions.to(Path.of("unused.mp4")), frames);
                now.put(name, alignmentDigest(a) + " " + frames.hex());
            }
        }
        Path file = Path.of(System.getProperty("vidkompy.parity.file", "target/parity.txt"));
        List<String> lines = new ArrayList<>();
        now.forEach((k, v) -> lines.add(k + "\t" + v));
        if ("record".equals(System.getProperty("vidkompy.parity"))) {
            Files.write(file, lines);
            return;
        }
        assertEquals(Files.readAllLines(file), lines);
    }

    private static String alignmentDigest(Alignment a) {
        StringBuilder s = new StringBuilder();
        s.append(a.spatial().x()).append(' ').append(a.spatial().y()).append(' ').append(a.spatial().scale())
                .append(' ').append(a.spatial().confidence()).append(' ').append(a.temporal().confidence());
        for (int v : a.temporal().map()) {
            s.append(',').append(v);
        }
        for (float v : a.temporal().frameConfidence()) {
            s.append(',').append(v);
        }
        a.temporal().unmatched().forEach(r -> s.append(';').append(r.first()).append('-').append(r.last()));
        return sha(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Every frame's bytes and timestamp, in order. */
    private static final class Digest implements FrameSink {
        private final MessageDigest md;

        Digest() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void write(ByteBuffer frame, long pts) {
            md.update(frame.duplicate().clear());
            md.update(ByteBuffer.allocate(8).putLong(0, pts));
        }

        @Override
        public void finish(long lastFrameDuration) {
            md.update(ByteBuffer.allocate(8).putLong(0, lastFrameDuration));
        }

        @Override
        public void close() {
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        }
    }
}
