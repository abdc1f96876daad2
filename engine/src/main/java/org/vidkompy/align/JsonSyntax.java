package org.vidkompy.align;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vidkompy.io.MediaException;

/**
 * Reads a JSON document strictly (no trailing junk, no field twice) and turns a syntax error into one
 * line with the line and column, in words instead of the parser's internals: a hand-edited sidecar
 * is fixed in an editor, and the editor needs the position.
 */
final class JsonSyntax {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Pattern CHARACTER = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\).*",
            Pattern.DOTALL);
    private static final Pattern NON_NUMBER = Pattern.compile("Non-standard token '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("Unrecognized token '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern TWICE = Pattern.compile("Duplicate field '([^']*)'.*", Pattern.DOTALL);

    private JsonSyntax() {
    }

    /** The document in {@code file}; an empty file gives a missing node. */
    static JsonNode read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MediaException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            // Bytes, not a decoded string: the parser then reports bad UTF-8 with its position too.
            return STRICT.readTree(bytes);
        } catch (IOException e) {
            throw syntaxError(e, file);
        }
    }

    static JsonNode parse(String text, Path origin) {
        try {
            return STRICT.readTree(text);
        } catch (IOException e) {
            throw syntaxError(e, origin);
        }
    }

    private static MediaException syntaxError(IOException e, Path origin) {
        if (e instanceof JsonProcessingException j) {
            return new MediaException(origin, where(j.getLocation()) + "not valid JSON ("
                    + describe(j.getOriginalMessage()) + ")", e);
        }
        return new MediaException(origin, "cannot be read (" + e.getMessage() + ")", e);
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    }

    /** The parser's message, phrased for someone looking at the file. */
    static String describe(String message) {
        String m = message == null ? "" : message;
        Matcher c = CHARACTER.matcher(m);
        if (c.matches()) {
            return "unexpected character '" + c.group(1) + "'";
        }
        Matcher n = NON_NUMBER.matcher(m);
        if (n.matches()) {
            return n.group(1) + " is not a JSON number";
        }
        Matcher w = WORD.matcher(m);
        if (w.matches()) {
            return "unexpected word '" + w.group(1) + "'";
        }
        Matcher t = TWICE.matcher(m);
        if (t.matches()) {
            return "field '" + t.group(1) + "' appears twice";
        }
        if (m.startsWith("Invalid UTF-8")) {
            return "not UTF-8 text";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "the file ends in the middle of the document";
        }
        // Anything else: the parser's first clause, without its source-location appendix.
        String first = m.split("[:\\n\\[]", 2)[0].strip();
        return first.isEmpty() ? "syntax error" : Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }
}
