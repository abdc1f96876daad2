package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** SHA-256 of a run's inputs, taken before it, so a test can show the run left every input as it was. */
final class InputHashes {

    private final Map<Path, String> before = new LinkedHashMap<>();

    private InputHashes() {
    }

    static InputHashes of(Path... files) {
        InputHashes h = new InputHashes();
        for (Path f : files) {
            h.before.put(f, sha256(f));
        }
        return h;
    }

    void assertUnchanged() {
        before.forEach((f, hash) -> assertEquals(hash, sha256(f), f + " was changed"));
    }

    private static String sha256(Path f) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
