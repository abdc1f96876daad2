package org.vidkompy.align;

import org.vidkompy.media.Timing;
import org.vidkompy.media.Placement;
import org.vidkompy.media.FrameRange;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Alignment;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vidkompy.io.MediaException;

/**
 * Builds an {@link Alignment} from a sidecar's JSON and refuses one that cannot be right on its own
 * terms: every field the render and the comparison use present and of its type, numbers finite, the
 * scale usable, one whole bg frame number inside the bg per fg frame. What the sidecar says about
 * the files is checked against the real files later ({@code AlignmentCheck}), still before decoding.
 *
 * <p>Confidences, {@code frameConfidence} and {@code unmatched} inform but do not steer the render,
 * so a hand-written sidecar may leave them out; when present they must be well-formed.
 */
final class AlignmentReader {

    private final Path file;

    private AlignmentReader(Path file) {
        this.file = file;
    }

    static Alignment parse(JsonNode root, Path file) {
        return new AlignmentReader(file).alignment(new JsonField(root, "", file));
    }

    private Alignment alignment(JsonField root) {
        if (!root.present()) {
            throw new MediaException(file, "is empty, not an alignment file");
        }
        JsonField schema = root.object().get("schema");
        String named = schema.present() ? schema.text() : null;
        if (!Alignment.SCHEMA.equals(named)) {
            throw new MediaException(file, "not a " + Alignment.SCHEMA + " alignment file"
                    + (named != null ? " (schema " + named + ")" : " (no schema)"));
        }
        Clip bg = clip(root.get("background"));
        Clip fg = clip(root.get("foreground"));
        return new Alignment(bg, fg, placement(root.get("spatial").object()), timing(root.get("temporal"), bg, fg));
    }

    private Clip clip(JsonField c) {
        c.object();
        String path = c.get("path").present() ? c.get("path").text() : "";
        double fps = c.get("fps").present() ? c.get("fps").finite() : 0;
        return new Clip(path, size(c.get("width")), size(c.get("height")), fps,
                c.get("frames").whole(1, Integer.MAX_VALUE, "a frame count"));
    }

    private static int size(JsonField f) {
        return (int) f.whole(1, Integer.MAX_VALUE, "a size in pixels");
    }

    private static Placement placement(JsonField s) {
        double scale = s.get("scale").finite();
        if (!Placement.usableScale(scale)) {
            throw s.get("scale").fail("is " + scale + ", outside the usable 1/64..64");
        }
        return new Placement(s.get("x").finite(), s.get("y").finite(), scale, optional(s.get("confidence")));
    }

    private Timing timing(JsonField t, Clip bg, Clip fg) {
        t.object();
        JsonField m = t.get("map");
        int n = m.size();
        if (n != fg.frames()) {
            throw m.fail("has " + n + " entries, but foreground.frames is " + fg.frames() + " (one per fg frame)");
        }
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            map[i] = (int) m.at(i).whole(0, bg.frames() - 1, "the bg's frames");
        }
        return new Timing(optional(t.get("confidence")), map, frameConfidence(t.get("frameConfidence"), n),
                unmatched(t.get("unmatched"), n));
    }

    private static float[] frameConfidence(JsonField f, int n) {
        float[] fc = new float[n];
        if (!f.present()) {
            Arrays.fill(fc, 1f);
            return fc;
        }
        if (f.size() != n) {
            throw f.fail("has " + f.size() + " entries, but the map has " + n);
        }
        for (int i = 0; i < n; i++) {
            fc[i] = (float) f.at(i).finite();
        }
        return fc;
    }

    private static List<FrameRange> unmatched(JsonField u, int n) {
        List<FrameRange> ranges = new ArrayList<>();
        if (!u.present()) {
            return ranges;
        }
        for (int i = 0; i < u.size(); i++) {
            JsonField r = u.at(i);
            if (r.size() != 2) {
                throw r.fail("is not a [first, last] pair of fg frames");
            }
            int first = (int) r.at(0).whole(0, n - 1, "the fg's frames");
            int last = (int) r.at(1).whole(first, n - 1, "from its first frame to the fg's last");
            ranges.add(new FrameRange(first, last));
        }
        return ranges;
    }

    private static double optional(JsonField f) {
        return f.present() ? f.finite() : 1;
    }
}
