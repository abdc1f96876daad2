package org.vidkompy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vidkompy.media.Alignment;
import org.vidkompy.compose.RenderOptions;
import org.vidkompy.compose.RenderResult;
import org.vidkompy.compose.Renderer;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.OutputFile;
import org.vidkompy.compose.StageTime;

/** Renders with a progress bar and reports the result, as text or as the --json summary. */
final class RenderRun {
    private RenderRun() {
    }

    /**
     * @param sidecar  where the alignment came from, for messages (may be null)
     * @param analysis what comp adds to the --json summary (may be null)
     */
    static void renderAndReport(Renderer renderer, Console console, MediaClip bg, MediaClip fg, Alignment a,
                                Path sidecar,
                                OutputFile out, RenderOptions options, int total, boolean json,
                                Map<String, Object> analysis) {
        console.info("Rendering " + total + " frames to " + out.target() + " ...");
        RenderResult r;
        try (ProgressBar bar = console.progress("render", total)) {
            r = renderer.render(bg, fg, a, sidecar, out, options, (done, n) -> bar.update(done));
        }
        if (json) {
            console.result(Json.write(summary(r, analysis)));
            return;
        }
        console.info(String.format("%d frames in %.1f s (%.0f fps), audio: %s", r.frames(), r.seconds(), r.fps(),
                r.audio()));
        for (StageTime s : r.stages()) {
            console.detail(String.format("  %-10s %.2f s wall, %.2f s busy", s.stage(), s.wallSeconds(),
                    s.busySeconds()));
        }
        if (r.padded()) {
            console.info(r.paddingNote());
        }
        console.result("output: " + r.output());
    }

    static Map<String, Object> summary(RenderResult r, Map<String, Object> analysis) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (analysis != null) {
            m.put("analysis", analysis);
        }
        m.put("output", r.output().toString());
        m.put("frames", r.frames());
        m.put("range", List.of(r.range().first(), r.range().last()));
        m.put("seconds", r.seconds());
        m.put("fps", r.fps());
        m.put("setupSeconds", r.setupSeconds());
        m.put("audio", r.audio());
        m.put("audioStart", r.audioStart());
        m.put("width", r.width());
        m.put("height", r.height());
        m.put("padded", r.padded());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageTime s : r.stages()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("stage", s.stage());
            sm.put("wallSeconds", s.wallSeconds());
            sm.put("busySeconds", s.busySeconds());
            stages.add(sm);
        }
        m.put("stages", stages);
        return m;
    }
}
