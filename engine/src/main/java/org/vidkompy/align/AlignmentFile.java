package org.vidkompy.align;

import org.vidkompy.media.FrameRange;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Alignment;
import org.vidkompy.media.TimeJump;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;

/**
 * Reads and writes the alignment sidecar. The layout is spelled out field by field (rather than
 * left to reflection) because scripts and other tools depend on it.
 */
public final class AlignmentFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlignmentFile() {
    }

    public static String toJson(Alignment a, boolean pretty) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", Alignment.SCHEMA);
        root.set("background", clip(a.background()));
        root.set("foreground", clip(a.foreground()));
        ObjectNode s = root.putObject("spatial");
        s.put("x", round(a.spatial().x(), 4));
        s.put("y", round(a.spatial().y(), 4));
        s.put("scale", round(a.spatial().scale(), 6));
        s.put("confidence", round(a.spatial().confidence(), 4));
        ObjectNode t = root.putObject("temporal");
        t.put("confidence", round(a.temporal().confidence(), 4));
        ArrayNode map = t.putArray("map");
        for (int v : a.temporal().map()) {
            map.add(v);
        }
        ArrayNode fc = t.putArray("frameConfidence");
        for (float v : a.temporal().frameConfidence()) {
            fc.add(round(v, 3));
        }
        ArrayNode un = t.putArray("unmatched");
        for (FrameRange r : a.temporal().unmatched()) {
            un.addArray().add(r.first()).add(r.last());
        }
        // Informative, like confidences: read off the map, so readers need not (and do not) read it back.
        ArrayNode jumps = t.putArray("jumps");
        for (TimeJump j : a.jumps()) {
            jumps.addObject().put("fg", j.fgFrame()).put("from", j.bgBefore()).put("to", j.bgAfter())
                    .put("direction", j.direction());
        }
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().without(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .writeValueAsString(root) : MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes into a claimed output and publishes it; the caller closes the claim. */
    public static void write(Alignment a, OutputFile output) {
        try {
            Files.writeString(output.temp(), toJson(a, false) + "\n");
        } catch (IOException e) {
            throw new MediaException(output.target(), "cannot write the alignment (" + e.getMessage() + ")", e);
        }
        output.commit();
    }

    /** Writes (replacing a regular file, never anything else) for files the engine owns, such as cache entries. */
    public static void write(Alignment a, Path file) {
        try (OutputFile out = new OutputPolicy().claim(file, true, List.of())) {
            write(a, out);
        }
    }

    /**
     * Reads and validates a sidecar (see {@link AlignmentReader}).
     *
     * @throws MediaException one line naming the file and what is wrong with it
     */
    public static Alignment read(Path file) {
        return AlignmentReader.parse(JsonSyntax.read(file), file);
    }

    public static Alignment parse(String json, Path origin) {
        return AlignmentReader.parse(JsonSyntax.parse(json, origin), origin);
    }

    private static ObjectNode clip(Clip c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("path", c.name());
        n.put("width", c.width());
        n.put("height", c.height());
        n.put("fps", round(c.fps(), 6));
        n.put("frames", c.frames());
        return n;
    }

    private static double round(double v, int digits) {
        double k = Math.pow(10, digits);
        return Math.round(v * k) / k;
    }
}
