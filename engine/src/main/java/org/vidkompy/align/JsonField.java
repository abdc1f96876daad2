package org.vidkompy.align;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.vidkompy.io.MediaException;

/**
 * One value of a JSON document with its full name ({@code temporal.map[7]}), read as the type a field
 * must have: anything else fails with one line naming the file, the field and what is wrong, so a
 * damaged or hand-edited file is refused before any work starts rather than misread (a number that
 * does not fit an int silently wraps, a fraction silently truncates).
 */
final class JsonField {

    private final JsonNode node;
    private final String name;
    private final Path file;

    JsonField(JsonNode node, String name, Path file) {
        this.node = node;
        this.name = name;
        this.file = file;
    }

    String name() {
        return name;
    }

    boolean present() {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    JsonField get(String field) {
        return new JsonField(node == null ? null : node.get(field), name.isEmpty() ? field : name + "." + field, file);
    }

    JsonField at(int i) {
        return new JsonField(node.get(i), name + "[" + i + "]", file);
    }

    JsonField object() {
        require();
        if (!node.isObject()) {
            throw fail("is not an object ({...})");
        }
        return this;
    }

    /** The number of elements of an array. */
    int size() {
        require();
        if (!node.isArray()) {
            throw fail("is not a list ([...])");
        }
        return node.size();
    }

    String text() {
        require();
        if (!node.isTextual()) {
            throw fail("is not a string");
        }
        return node.textValue();
    }

    double finite() {
        require();
        if (!node.isNumber()) {
            throw fail("is not a number");
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw fail("is " + node.asText() + ", not a finite number");
        }
        return v;
    }

    /**
     * A whole number in {@code [min, max]}; 3.0 is accepted as 3, 3.5 is not.
     *
     * @param range what the bounds are, for the message ("the bg's frames")
     */
    long whole(long min, long max, String range) {
        double d = finite();
        boolean integral = node.isIntegralNumber();
        if (!integral && d != Math.rint(d)) {
            throw fail("is " + node.asText() + ", not a whole number");
        }
        boolean fitsLong = integral ? node.canConvertToLong() : Math.abs(d) < 0x1p62;
        long v = !fitsLong ? 0 : integral ? node.longValue() : (long) d;
        if (!fitsLong || v < min || v > max) {
            throw fail("is " + node.asText() + ", outside " + min + ".." + max + " (" + range + ")");
        }
        return v;
    }

    MediaException fail(String problem) {
        return new MediaException(file, (name.isEmpty() ? "the document" : name) + " " + problem);
    }

    private void require() {
        if (!present()) {
            throw new MediaException(file, "lacks " + name);
        }
    }
}
