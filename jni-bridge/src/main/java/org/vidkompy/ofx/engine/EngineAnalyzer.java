package org.vidkompy.ofx.engine;

import org.vidkompy.media.FrameRange;
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
import org.vidkompy.align.ClipSource;
import org.vidkompy.align.FfmpegClipSource;
import org.vidkompy.io.MediaClip;
import org.vidkompy.image.LumaImage;
import org.vidkompy.ofx.effect.AlignmentRecord;
import org.vidkompy.ofx.effect.AnalysisSession;
import org.vidkompy.ofx.effect.OfxAnalyzer;

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
    public Optional<Analysis> analyze(AnalysisSession session, AnalysisOptions options) {
        AnalysisSession.Clip fgClip = session.foregroundClip();
        MediaClip bgVideo = session.backgroundVideo();
        AnalysisSession.Clip bgClip = bgVideo != null
                ? new AnalysisSession.Clip(bgVideo.path().toString(), 0, (int) bgVideo.frameCount(), bgVideo.fps(),
                        bgVideo.width(), bgVideo.height())
                : session.backgroundClip();
        HostThread host = new HostThread();
        OfxProgress progress = new OfxProgress();
        OfxClipSource fg = new OfxClipSource(info(fgClip),
                i -> host.call(() -> luma(session, fgClip, false, i)));
        ClipSource bg = bgVideo != null ? new FfmpegClipSource(bgVideo) : new OfxClipSource(info(bgClip),
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
        return Optional.of(new Analysis(record(result.alignment(), fgClip, bgClip), summary(result.alignment(), fgClip)));
    }

    /** "spatial 0.993, temporal 0.996; 150 of 150 fg frames matched" plus the unmatched ranges in host frames. */
    static String summary(Alignment a, AnalysisSession.Clip fg) {
        int frames = a.temporal().map().length;
        int unmatched = a.temporal().unmatched().stream().mapToInt(FrameRange::length).sum();
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                "confidence: spatial %.3f, temporal %.3f; %d of %d fg frames matched", a.spatial().confidence(),
                a.temporal().confidence(), frames - unmatched, frames));
        if (!a.temporal().unmatched().isEmpty()) {
            s.append("; unmatched:");
            int first = (int) Math.round(fg.firstTime());
            for (FrameRange r : a.temporal().unmatched()) {
                s.append(' ').append(first + r.first());
                if (r.last() != r.first()) {
                    s.append('-').append(first + r.last());
                }
            }
        }
        return s.toString();
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
