package org.vidkompy.align;

import org.vidkompy.media.Timing;
import org.vidkompy.media.Placement;
import org.vidkompy.media.FrameRange;
import org.vidkompy.media.Clip;
import org.vidkompy.media.Alignment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidkompy.io.MediaException;

/** A sidecar that cannot be right is refused on reading with one line naming the field, never misread. */
class AlignmentFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILE = Path.of("a.json");

    @TempDir
    Path dir;

    private static Alignment valid() {
        return new Alignment(new Clip("bg.mp4", 320, 180, 25, 200), new Clip("fg.mp4", 160, 90, 25, 3),
                new Placement(83.4, 47.7, 1, 0.99),
                new Timing(0.98, new int[] {30, 31, 32}, new float[] {1, 0.5f, 1},
                        List.of(new FrameRange(1, 1))));
    }

    /** The valid sidecar with one edit, as text. */
    private static String edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(AlignmentFile.toJson(valid(), false));
        edit.accept(root);
        return JSON.writeValueAsString(root);
    }

    private static String refused(String json) {
        MediaException e = assertThrows(MediaException.class, () -> AlignmentFile.parse(json, FILE));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().startsWith("a.json: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static ObjectNode temporal(ObjectNode root) {
        return (ObjectNode) root.get("temporal");
    }

    private static ObjectNode spatial(ObjectNode root) {
        return (ObjectNode) root.get("spatial");
    }

    @Test
    void readsWhatItWrites() throws Exception {
        Path f = dir.resolve("a.json");
        AlignmentFile.write(valid(), f);
        Alignment a = AlignmentFile.read(f);
        assertArrayEquals(new int[] {30, 31, 32}, a.temporal().map());
        assertEquals(83.4, a.spatial().x());
        assertEquals(List.of(new FrameRange(1, 1)), a.temporal().unmatched());
    }

    @Test
    void jumpsAreWrittenFromTheMapAndNeedNotBeRead() throws Exception {
        Alignment replay = new Alignment(valid().background(), new Clip("fg.mp4", 160, 90, 25, 5), valid().spatial(),
                new Timing(1, new int[] {30, 31, 20, 21, 60}, new float[] {1, 1, 1, 1, 1}, List.of()));
        ObjectNode root = (ObjectNode) JSON.readTree(AlignmentFile.toJson(replay, false));
        assertEquals("[{\"fg\":2,\"from\":31,\"to\":20,\"direction\":\"back\"},"
                + "{\"fg\":4,\"from\":21,\"to\":60,\"direction\":\"forward\"}]",
                JSON.writeValueAsString(temporal(root).get("jumps")));
        // A file from before jumps were written (or with them edited away) reads the same map.
        temporal(root).remove("jumps");
        Alignment back = AlignmentFile.parse(JSON.writeValueAsString(root), FILE);
        assertArrayEquals(replay.temporal().map(), back.temporal().map());
        assertEquals(replay.jumps(), back.jumps());
    }

    @Test
    void aMapEntryBeyondTheBgIsRefusedNotWrapped() throws Exception {
        String m = refused(edited(r -> temporal(r).withArray("map").set(0, 1L << 40)));
        assertEquals("a.json: temporal.map[0] is 1099511627776, outside 0..199 (the bg's frames)", m);
        assertTrue(refused(edited(r -> temporal(r).withArray("map").set(2, 200))).contains("temporal.map[2] is 200"));
        assertTrue(refused(edited(r -> temporal(r).withArray("map").set(1, -1))).contains("temporal.map[1] is -1"));
        assertTrue(refused(edited(r -> temporal(r).withArray("map").set(1, new java.math.BigInteger("1" + "0".repeat(30)))))
                .contains("outside 0..199"));
    }

    @Test
    void aMapEntryMustBeAWholeFrameNumber() throws Exception {
        assertEquals("a.json: temporal.map[1] is 3.5, not a whole number",
                refused(edited(r -> temporal(r).withArray("map").set(1, 3.5))));
        assertTrue(refused(edited(r -> temporal(r).withArray("map").set(1, "31"))).contains("temporal.map[1] is not a number"));
        // 31.0 is the whole number 31 however it is spelled.
        assertEquals(31, AlignmentFile.parse(edited(r -> temporal(r).withArray("map").set(1, 31.0)), FILE)
                .temporal().map()[1]);
    }

    @Test
    void theMapHasOneEntryPerFgFrame() throws Exception {
        assertEquals("a.json: temporal.map has 2 entries, but foreground.frames is 3 (one per fg frame)",
                refused(edited(r -> temporal(r).withArray("map").remove(2))));
        assertTrue(refused(edited(r -> temporal(r).withArray("frameConfidence").remove(2)))
                .contains("temporal.frameConfidence has 2 entries, but the map has 3"));
    }

    @Test
    void numbersMustBeFinite() throws Exception {
        // JSON has no NaN or Infinity; 1e999 is the way to smuggle infinity into a number field.
        assertEquals("a.json: spatial.x is Infinity, not a finite number",
                refused(edited(r -> spatial(r).set("x", JSON.getNodeFactory().numberNode(Double.POSITIVE_INFINITY)))
                        .replace("\"Infinity\"", "1e999")));
        assertTrue(refused(edited(r -> r.put("_", 0)).replace("\"confidence\":0.99", "\"confidence\":NaN"))
                .contains("not valid JSON (NaN is not a JSON number)"));
        assertTrue(refused(edited(r -> { }).replace("[1.0,0.5,1.0]", "[1.0,-1e999,1.0]")).contains("temporal.frameConfidence[1] is -Infinity, not a finite number"));
    }

    @Test
    void anAbsurdScaleIsRefused() throws Exception {
        assertEquals("a.json: spatial.scale is 1.0E-9, outside the usable 1/64..64",
                refused(edited(r -> spatial(r).put("scale", 1e-9))));
        assertTrue(refused(edited(r -> spatial(r).put("scale", 65))).contains("spatial.scale is 65.0"));
        assertTrue(refused(edited(r -> spatial(r).put("scale", 0))).contains("spatial.scale is 0.0"));
        assertEquals(0.5, AlignmentFile.parse(edited(r -> spatial(r).put("scale", 0.5)), FILE).spatial().scale());
    }

    @Test
    void missingFieldsAndWrongTypesAreNamed() throws Exception {
        assertEquals("a.json: lacks spatial.x", refused(edited(r -> spatial(r).remove("x"))));
        assertEquals("a.json: spatial.y is not a number", refused(edited(r -> spatial(r).put("y", "47"))));
        assertEquals("a.json: lacks temporal", refused(edited(r -> r.remove("temporal"))));
        assertEquals("a.json: temporal.map is not a list ([...])", refused(edited(r -> temporal(r).put("map", 3))));
        assertEquals("a.json: background.width is 0, outside 1..2147483647 (a size in pixels)",
                refused(edited(r -> ((ObjectNode) r.get("background")).put("width", 0))));
        assertEquals("a.json: lacks foreground.frames",
                refused(edited(r -> ((ObjectNode) r.get("foreground")).remove("frames"))));
        assertEquals("a.json: spatial is not an object ({...})", refused(edited(r -> r.put("spatial", 1))));
        assertTrue(refused(edited(r -> temporal(r).putArray("unmatched").addArray().add(2).add(1)))
                .contains("temporal.unmatched[0][1] is 1, outside 2..2"));
        assertEquals("a.json: not a vidkompy.alignment/1 alignment file (schema vidkompy.alignment/9)",
                refused(edited(r -> r.put("schema", "vidkompy.alignment/9"))));
        assertEquals("a.json: the document is not an object ({...})", refused("[1, 2]"));
        assertEquals("a.json: is empty, not an alignment file", refused(""));
    }

    @Test
    void aSyntaxErrorIsOneLineWithItsPosition() throws Exception {
        assertEquals("a.json: line 3, column 14: not valid JSON (unexpected character '}')",
                refused("{\n  \"schema\": \"vidkompy.alignment/1\",\n  \"spatial\": }\n"));
        assertEquals("a.json: line 1, column 2: not valid JSON (the file ends in the middle of the document)",
                refused("{"));
        assertTrue(refused(edited(r -> { }) + " trailing").contains("not valid JSON (unexpected word 'trailing')"));
        assertTrue(refused("{\"schema\": 1, \"schema\": 2}").contains("field 'schema' appears twice"));
    }

    @Test
    void aFileThatIsNotUtf8IsASyntaxErrorToo() throws Exception {
        Path f = dir.resolve("latin1.json");
        Files.write(f, new byte[] {'{', '"', (byte) 0xE9, 'a', 'b', '"', ':', '1', '}'});
        MediaException e = assertThrows(MediaException.class, () -> AlignmentFile.read(f));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ": line 1, column "), e.getMessage());
        assertTrue(e.getMessage().endsWith("not valid JSON (not UTF-8 text)"), e.getMessage());
    }
}
