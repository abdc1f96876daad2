package org.vidkompy.ofx.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.Placement;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.AnalysisProgress;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.ofx.OfxModule;
import org.vidkompy.media.Clip;
import org.vidkompy.ofx.effect.AnalysisSession;
import org.vidkompy.ofx.effect.OfxAnalyzer;
import org.vidkompy.ofx.effect.StoredAlignment;
import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.synth.GeneratedPair;
import org.vidkompy.testkit.Fixtures;

/**
 * The engine analysis over host-like clips (decoded frames served through {@link AnalysisSession})
 * against {@code vidkompy analyze} on the files themselves: same map, same placement.
 */
class EngineAnalyzerTest {
    private static GeneratedPair pair;
    private static Decoded fg;
    private static Decoded bg;
    private static Injector injector;

    @BeforeAll
    static void fixture() {
        pair = Fixtures.demo();
        fg = Decoded.read(pair.foreground());
        bg = Decoded.read(pair.background());
        injector = Guice.createInjector(new OfxModule());
    }

    /** A host in memory: frames by time, every call checked to come from the host thread. */
    private static final class FakeSession implements AnalysisSession {
        final Thread hostThread = Thread.currentThread();
        final Set<String> callers = ConcurrentHashMap.newKeySet();
        final List<Double> progress = new ArrayList<>();
        final int cancelAt;
        int fetches;
        int open;

        FakeSession(int cancelAt) {
            this.cancelAt = cancelAt;
        }

        private void enter() {
            callers.add(Thread.currentThread() == hostThread ? "host" : Thread.currentThread().getName());
        }

        @Override
        public HostClip foregroundClip() {
            enter();
            return new HostClip(new Clip("Source", fg.width(), fg.height(), 25, fg.rgba().size()), 0);
        }

        @Override
        public HostClip backgroundClip() {
            enter();
            return new HostClip(new Clip("Background", bg.width(), bg.height(), 25, bg.rgba().size()), 0);
        }

        private Frame frame(Decoded d, double t) {
            enter();
            fetches++;
            open++;
            ImageView v = d.view((int) t);
            return new Frame() {
                @Override
                public double time() {
                    return t;
                }

                @Override
                public ImageView image() {
                    return v;
                }

                @Override
                public void close() {
                    open--;
                }
            };
        }

        @Override
        public Frame foreground(double time) {
            return frame(fg, time);
        }

        @Override
        public Frame background(double time) {
            return frame(bg, time);
        }

        @Override
        public boolean progress(double fraction) {
            enter();
            progress.add(fraction);
            return cancelAt <= 0 || progress.size() < cancelAt;
        }
    }

    @Test
    void sameAlignmentAsTheCommandLineWithEveryHostCallOnTheHostThread() {
        Alignment cli = injector.getInstance(PairAnalysis.class)
                .run(pair.background(), pair.foreground(), AnalysisOptions.defaults(), null, AnalysisProgress.NONE, w -> {
                })
                .alignment();
        FakeSession session = new FakeSession(0);
        Optional<StoredAlignment> result = injector.getInstance(OfxAnalyzer.class).analyze(session);
        assertTrue(result.isPresent());
        StoredAlignment r = StoredAlignment.parse(result.get().format());

        int[] map = cli.temporal().map();
        int[] ours = new int[map.length];
        for (int i = 0; i < ours.length; i++) {
            ours[i] = (int) r.bgTime(i);
        }
        assertEquals(map.length, r.frames());
        Placement p = r.alignment().spatial();
        System.out.printf("cli x=%.4f y=%.4f scale=%.5f | ofx x=%.4f y=%.4f scale=%.5f%n", cli.spatial().x(),
                cli.spatial().y(), cli.spatial().scale(), p.x(), p.y(), p.scale());
        assertArrayEquals(map, ours, "bg frame under every fg frame");
        assertArrayEquals(map, r.alignment().temporal().map(), "the engine's own map, stored as is");
        assertEquals(cli.spatial().x(), p.x(), 0.1);
        assertEquals(cli.spatial().y(), p.y(), 0.1);
        assertEquals(cli.spatial().scale(), p.scale(), cli.spatial().scale() * 1e-3);

        assertEquals(Set.of("host"), session.callers, "host calls only on the host thread");
        assertEquals(0, session.open, "every image released");
        assertTrue(session.progress.size() >= 10, session.progress::toString);
        for (int i = 1; i < session.progress.size(); i++) {
            assertTrue(session.progress.get(i) >= session.progress.get(i - 1), session.progress::toString);
        }
        assertEquals(1.0, session.progress.get(session.progress.size() - 1));
    }

    @Test
    void aCancelFromTheHostStopsTheAnalysis() {
        FakeSession session = new FakeSession(3);
        Optional<StoredAlignment> result = injector.getInstance(OfxAnalyzer.class).analyze(session);
        assertTrue(result.isEmpty());
        assertEquals(3, session.progress.size(), "no update after the cancel");
        assertEquals(0, session.open);
        assertTrue(session.fetches < fg.rgba().size() + bg.rgba().size(), "stopped before the scan ended: "
                + session.fetches);
    }
}
