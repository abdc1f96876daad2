package org.vidkompy.ofx.engine;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.vidkompy.align.AnalysisCancelledException;
import org.vidkompy.align.TaskFailures;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.Analyzer;
import org.vidkompy.media.ClipSource;
import org.vidkompy.media.FfmpegClipSource;
import org.vidkompy.io.MediaClip;
import org.vidkompy.image.LumaImage;
import org.vidkompy.media.Clip;
import org.vidkompy.ofx.effect.AnalysisSession;
import org.vidkompy.ofx.effect.AnalysisSession.HostClip;
import org.vidkompy.ofx.effect.OfxAnalyzer;
import org.vidkompy.ofx.effect.StoredAlignment;

/**
 * The engine's analysis (the same {@link Analyzer} {@code vidkompy analyze} runs, with the options
 * the user chose in the effect's Analysis group) over the host's Source (fg) and either the
 * Background clip or a background video file the engine reads itself ({@link FfmpegClipSource},
 * exactly as the command line reads it).
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

    @Inject
    public EngineAnalyzer(Provider<Analyzer> analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Optional<StoredAlignment> analyze(AnalysisSession session, AnalysisOptions options) {
        HostClip fgClip = session.foregroundClip();
        MediaClip bgVideo = session.backgroundVideo();
        HostThread host = new HostThread();
        OfxProgress progress = new OfxProgress();
        OfxClipSource fg = new OfxClipSource(fgClip.clip(), i -> host.call(() -> luma(session, fgClip, false, i)));
        ClipSource bg;
        double bgStart;
        if (bgVideo != null) {
            bg = new FfmpegClipSource(bgVideo);
            bgStart = 0; // a file's frame i is frame i
        } else {
            HostClip bgClip = session.backgroundClip();
            bg = new OfxClipSource(bgClip.clip(), i -> host.call(() -> luma(session, bgClip, true, i)));
            bgStart = bgClip.start();
        }
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
            if (e.getCause() instanceof AnalysisCancelledException) {
                return Optional.empty();
            }
            throw TaskFailures.unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (progress.cancelled()) {
            return Optional.empty();
        }
        session.progress(1.0);
        return Optional.of(new StoredAlignment(result.alignment(), fgClip.start(), bgStart));
    }

    private static LumaImage luma(AnalysisSession session, HostClip clip, boolean background, int index) {
        double t = clip.time(index);
        Clip c = clip.clip();
        try (AnalysisSession.Frame f = background ? session.background(t) : session.foreground(t)) {
            return LumaConverter.toLuma(f.image(), c.width(), c.height(), LumaWeights.forHeight(c.height()));
        }
    }
}
