package org.vidkompy.cli;

import jakarta.inject.Provider;
import org.vidkompy.align.AnalysisCache;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.MediaException;
import org.vidkompy.spatial.NoMatchException;

/**
 * Runs an analysis with progress on the console; "not found" becomes the one-line error users see. The
 * analysis is provisioned here, after the options were read and before any decoding: that is when the
 * engine chooses CPU or GPU (one line, or {@code --gpu on}'s failure), so commands that never analyse
 * never probe.
 */
final class AnalysisRun {
    private AnalysisRun() {
    }

    static PairAnalysis.Outcome run(Provider<PairAnalysis> analysis, Console console, MediaClip bg, MediaClip fg,
                                    AnalysisOptions options, AnalysisCache cache) {
        try (ConsoleProgress p = new ConsoleProgress(console)) {
            return analysis.get().run(bg, fg, options, cache, p, w -> console.info("warning: " + w));
        } catch (NoMatchException e) {
            throw new MediaException(fg.path(), "not found in " + bg.path() + ": " + e.getMessage());
        }
    }
}
