package org.vidkompy.cli;

import java.nio.file.Path;
import org.vidkompy.align.AnalysisCache;
import org.vidkompy.align.AnalysisOptions;
import org.vidkompy.align.PairAnalysis;
import org.vidkompy.io.MediaException;
import org.vidkompy.spatial.NoMatchException;

/** Runs an analysis with progress on the console; "not found" becomes the one-line error users see. */
final class AnalysisRun {
    private AnalysisRun() {
    }

    static PairAnalysis.Outcome run(PairAnalysis analysis, Console console, Path bg, Path fg, AnalysisOptions options,
                                    AnalysisCache cache) {
        try (ConsoleProgress p = new ConsoleProgress(console)) {
            return analysis.run(bg, fg, options, cache, p, w -> console.info("warning: " + w));
        } catch (NoMatchException e) {
            throw new MediaException(fg, "not found in " + bg + ": " + e.getMessage());
        }
    }
}
