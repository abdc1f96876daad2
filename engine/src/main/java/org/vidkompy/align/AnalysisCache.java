package org.vidkompy.align;

import org.vidkompy.media.Clip;
import org.vidkompy.media.Alignment;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import org.vidkompy.io.MediaException;

/**
 * Finished analyses keyed by the content of both inputs and the options, so a second {@code analyze}
 * (or {@code comp}) of the same pair returns at once. Entries are ordinary sidecar files; one that
 * cannot be read or does not fit the inputs is reported and ignored, never trusted.
 */
public final class AnalysisCache {

    /** Blocks read from each input for its content fingerprint, besides its size. */
    private static final int BLOCKS = 64;
    private static final int BLOCK = 64 * 1024;
    /** Bump when the analysis changes in a way that makes old results wrong. */
    private static final String ENGINE_VERSION = "1";

    private final Path dir;
    private final Consumer<String> warn;

    public AnalysisCache(Path dir, Consumer<String> warn) {
        this.dir = dir;
        this.warn = warn;
    }

    /** {@code $XDG_CACHE_HOME/vidkompy}, else {@code ~/.cache/vidkompy}. */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("vidkompy");
    }

    public String key(Path bg, Path fg, AnalysisOptions options) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("vidkompy-analysis/" + ENGINE_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            fingerprint(bg, md);
            fingerprint(fg, md);
            md.update(options.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Size plus 64 evenly spaced 64 KiB blocks (the first and the last included): reads a few MiB
     * however large the file, and any re-encode, trim or edit changes it.
     */
    private static void fingerprint(Path file, MessageDigest md) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            md.update(Long.toString(size).getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[BLOCK];
            for (int i = 0; i < BLOCKS; i++) {
                long pos = size <= BLOCK ? 0 : (size - BLOCK) * i / (BLOCKS - 1);
                f.seek(pos);
                int n = f.read(buf, 0, (int) Math.min(BLOCK, size - pos));
                if (n > 0) {
                    md.update(buf, 0, n);
                }
                if (size <= BLOCK) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new MediaException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public Optional<Alignment> get(String key, Clip bg, Clip fg) {
        Path entry = dir.resolve(key + ".json");
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            Alignment a = AlignmentFile.read(entry);
            if (a.temporal().map().length != fg.frames() || a.background().frames() != bg.frames()) {
                warn.accept("ignoring cache entry " + entry + ": it does not fit these inputs");
                return Optional.empty();
            }
            return Optional.of(a);
        } catch (MediaException e) {
            warn.accept("ignoring unreadable cache entry " + entry + " (" + e.problem() + ")");
            return Optional.empty();
        }
    }

    public void put(String key, Alignment a) {
        try {
            Files.createDirectories(dir);
            AlignmentFile.write(a, dir.resolve(key + ".json"));
        } catch (IOException | MediaException e) {
            warn.accept("cannot store the analysis in the cache " + dir + " (" + e.getMessage() + ")");
        }
    }
}
