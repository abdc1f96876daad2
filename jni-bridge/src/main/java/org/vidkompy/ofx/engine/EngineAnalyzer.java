package org.vidkompy.ofx.engine;

import org.vidkompy.media.Placement;
import org.vidkompy.media.Clip;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.vidkompy.media.Alignment;
import org.vidkompy.align.AnalysisCancelledException;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.Analyzer;
import org.vidkompy.image.LumaImage;
import org.vidkompy.ofx.effect.AlignmentRecord;
import org.vidkompy.ofx.effect.AnalysisSession;
import org.vidkompy.ofx.effect.OfxAnalyzer;

/**
 * The engine's analysis (the same {@link Analyzer} {@code vidkompy analyze} runs, with its default
 * options) over the host's Source (fg) and Background clips.
 *
 * <p>The analysis runs on a worker thread; the host thread stays in InstanceChanged, fetches every
 * frame the analysis asks for, converts it to luma while the host image is held, and reports
 * progress ({@link HostThread}). A cancel from the host's progress stops the analysis at its next
 * check and refuses further frames.
 *
 * <p>The analyzer is provisioned at each analysis, not when the plugin loads: the first provision is
 * when the engine probes for a GPU (auto), which a host scanning its plugins should not wait for.
 */
public final class EngineAnalyzer implements OfxAnalyzer {
    private final Provider<Analyzer> analyzer;
    private final AnalysisOptions options;

    @Inject
    public EngineAnalyzer(Provider<Analyzer> analyzer) {
        this(analyzer, AnalysisOptions.defaults());
    }

    public EngineAnalyzer(Provider<Analyzer> analyzer, AnalysisOptions options) {
        this.analyzer = analyzer;
        this.options = options;
    }

    @Override
    public Optional<AlignmentRecord> analyze(AnalysisSession session) {
        AnalysisSession.Clip fgClip = session.foregroundClip();
        AnalysisSession.Clip bgClip = session.backgroundClip();
        HostThread host = new HostThread();
        OfxProgress progress = new OfxProgress();
        OfxClipSource fg = new OfxClipSource(info(fgClip),
                i -> host.call(() -> luma(session, fgClip, false, i)));
        OfxClipSource bg = new OfxClipSource(info(bgClip),
                i -> host.call(() -> luma(session, bgClip, true, i)));
        // Provisioned on the worker: a first GPU probe (and kernel compilation) must not block the host thread.
        FutureTask<Analyzer.Result> task = new FutureTask<>(() -> analyzer.get().analyze(bg, fg, options, progress));
        Thread worker = new Thread(task, "vidkompy-analyze");
        worker.setDaemon(true);
        worker.start();
        double[] reported = {-1};
        host.serve(task, () -> {
            double f = progress.fraction();
            if (!progress.cancelled() && f >= reported[0] + 0.01) {
                reported[0] = f;
                if (!session.progress(f)) {
                    progress.cancel();
                    host.shutDown();
                }
            }
        });
        Analyzer.Result result;
        try {
            result = task.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof AnalysisCancelledException) {
                return Optional.empty();
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (progress.cancelled()) {
            return Optional.empty();
        }
        session.progress(1.0);
        return Optional.of(record(result.alignment(), fgClip, bgClip));
    }

    /** The alignment in the plugin's terms: bg frame indices become bg clip times. */
    static AlignmentRecord record(Alignment a, AnalysisSession.Clip fg, AnalysisSession.Clip bg) {
        int[] map = a.temporal().map();
        int[] bgTimes = new int[map.length];
        int bgFirst = (int) Math.round(bg.firstTime());
        for (int i = 0; i < map.length; i++) {
            bgTimes[i] = bgFirst + map[i];
        }
        Placement p = a.spatial();
        return new AlignmentRecord(p.x(), p.y(), p.scale(),
                AlignmentRecord.FrameMap.encode((int) Math.round(fg.firstTime()), bgTimes));
    }

    private static Clip info(AnalysisSession.Clip c) {
        return new Clip(c.name(), c.width(), c.height(), c.fps(), c.frames());
    }

    private static LumaImage luma(AnalysisSession session, AnalysisSession.Clip clip, boolean background, int index) {
        double t = clip.time(index);
        try (AnalysisSession.Frame f = background ? session.background(t) : session.foreground(t)) {
            return LumaConverter.toLuma(f.image(), clip.width(), clip.height(), LumaWeights.forHeight(clip.height()));
        }
    }
}
