package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vidkompy.io.AudioInfo;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Show what a video file holds: size, frame rates, exact frame count (counted, not taken from the header), duration, rotation, pixel format and audio."})
final class ProbeCommand implements Runnable {

    private final VideoProbe probe;
    private final Console console;

    @Parameters(paramLabel = "FILE", description = "Video file to inspect.")
    Path file;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Inject
    ProbeCommand(VideoProbe probe, Console console) {
        this.probe = probe;
        this.console = console;
    }

    @Override
    public void run() {
        MediaClip v = probe.probe(InputFile.require(file, "FILE"));
        if (json) {
            console.result(Json.write(asMap(v)));
            return;
        }
        console.result(String.format("%s%n  video  %dx%d %s %s, %.3f fps (nominal %s), %d frames, %.3f s%s",
                v.path(), v.width(), v.height(), v.codec(), v.pixelFormat(), v.averageFps(), v.nominalFps(),
                v.frameCount(), v.duration(), v.rotation() != 0 ? ", rotated " + v.rotation() + " deg" : "")
                + (v.anamorphic() ? String.format(", pixel aspect %s (shown %.0fx%d)", v.pixelAspect(),
                        v.width() * v.pixelAspect().toDouble(), v.height()) : ""));
        console.result(v.audio().map(a -> String.format("  audio  %s, %d Hz, %d ch, %.3f s", a.codec(),
                a.sampleRate(), a.channels(), a.duration())).orElse("  audio  none"));
    }

    static Map<String, Object> asMap(MediaClip v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", v.path().toString());
        m.put("width", v.width());
        m.put("height", v.height());
        m.put("fps", v.averageFps());
        m.put("nominalFps", v.nominalFps().toString());
        m.put("frames", v.frameCount());
        m.put("duration", v.duration());
        m.put("rotation", v.rotation());
        m.put("pixelAspect", v.pixelAspect().toString());
        m.put("codec", v.codec());
        m.put("pixelFormat", v.pixelFormat());
        if (v.audio().isPresent()) {
            AudioInfo a = v.audio().get();
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("codec", a.codec());
            am.put("sampleRate", a.sampleRate());
            am.put("channels", a.channels());
            am.put("duration", a.duration());
            m.put("audio", am);
        } else {
            m.put("audio", null);
        }
        return m;
    }
}
