package org.vidkompy.align;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        for (Alignment.FrameRange r : a.temporal().unmatched()) {
            un.addArray().add(r.first()).add(r.last());
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

    public static Alignment read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new MediaException(file, "not a readable alignment file (" + e.getMessage() + ")", e);
        }
        return parse(root, file);
    }

    public static Alignment parse(String json, Path origin) {
        try {
            return parse(MAPPER.readTree(json), origin);
        } catch (IOException e) {
            throw new MediaException(origin, "not a readable alignment file (" + e.getMessage() + ")", e);
        }
    }

    private static Alignment parse(JsonNode root, Path file) {
        if (root == null || !Alignment.SCHEMA.equals(root.path("schema").asText())) {
            throw new MediaException(file, "not a " + Alignment.SCHEMA + " alignment file");
        }
        try {
            JsonNode s = need(root, "spatial", file);
            JsonNode t = need(root, "temporal", file);
            JsonNode mapNode = need(t, "map", file);
            int[] map = new int[mapNode.size()];
            for (int i = 0; i < map.length; i++) {
                map[i] = mapNode.get(i).intValue();
            }
            JsonNode fcNode = t.path("frameConfidence");
            float[] fc = new float[map.length];
            for (int i = 0; i < map.length; i++) {
                fc[i] = fcNode.size() == map.length ? (float) fcNode.get(i).asDouble() : 1f;
            }
            List<Alignment.FrameRange> unmatched = new ArrayList<>();
            for (JsonNode r : t.path("unmatched")) {
                unmatched.add(new Alignment.FrameRange(r.get(0).intValue(), r.get(1).intValue()));
            }
            return new Alignment(clip(need(root, "background", file)), clip(need(root, "foreground", file)),
                    new Alignment.Placement(num(s, "x", file), num(s, "y", file), num(s, "scale", file),
                            s.path("confidence").asDouble(1)),
                    new Alignment.Timing(t.path("confidence").asDouble(1), map, fc, unmatched));
        } catch (RuntimeException e) {
            if (e instanceof MediaException) {
                throw e;
            }
            throw new MediaException(file, "damaged alignment file (" + e + ")", e);
        }
    }

    private static JsonNode need(JsonNode n, String field, Path file) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new MediaException(file, "alignment file lacks '" + field + "'");
        }
        return v;
    }

    private static double num(JsonNode n, String field, Path file) {
        JsonNode v = need(n, field, file);
        if (!v.isNumber()) {
            throw new MediaException(file, "alignment field '" + field + "' is not a number");
        }
        return v.doubleValue();
    }

    private static ObjectNode clip(Alignment.Clip c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("path", c.path());
        n.put("width", c.width());
        n.put("height", c.height());
        n.put("fps", round(c.fps(), 6));
        n.put("frames", c.frames());
        return n;
    }

    private static Alignment.Clip clip(JsonNode n) {
        return new Alignment.Clip(n.path("path").asText(), n.path("width").asInt(), n.path("height").asInt(),
                n.path("fps").asDouble(), n.path("frames").asLong());
    }

    private static double round(double v, int digits) {
        double k = Math.pow(10, digits);
        return Math.round(v * k) / k;
    }
}
