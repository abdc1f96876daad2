package org.vidkompy.cuda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * PTX compiled once per kernel source, architecture and compiler, kept on disk: NVRTC takes a second
 * or more per source, which every analysis would pay otherwise. The key is a SHA-256 over everything
 * that changes the output (source text, options, target architecture, NVRTC version), so an edited
 * kernel or another GPU or toolkit simply misses. Files are written to a temporary name and moved
 * into place, so a crashed writer or two concurrent processes never leave a truncated PTX file.
 * A cache that cannot be read or written only costs time: the PTX is compiled and used anyway.
 */
final class PtxCache {

    /** Bump when the key's meaning changes. */
    static final String FORMAT = "vidkompy-ptx/1";

    private final Path dir;
    private final PtxCompiler compiler;
    private final Consumer<String> warnings;

    PtxCache(Path dir, PtxCompiler compiler, Consumer<String> warnings) {
        this.dir = dir;
        this.compiler = compiler;
        this.warnings = warnings;
    }

    static Path defaultDir() {
        return org.vidkompy.align.AnalysisCache.defaultDir().resolve("ptx");
    }

    /** Options for {@code arch} (e.g. sm_90): PTX for its virtual architecture, no FMA contraction. */
    static List<String> options(String arch) {
        // --fmad=false: the CPU reference never fuses multiply-adds; the GPU must round the same way
        // for the temporal costs to be bit-identical.
        return List.of("--gpu-architecture=" + arch.replace("sm_", "compute_"), "--fmad=false", "-default-device");
    }

    String key(String name, String source, String arch) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {FORMAT, name, arch, compiler.version(),
                    String.join(" ", options(arch)), source}) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0); // separator: ("ab","c") and ("a","bc") must not collide
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path fileFor(String name, String source, String arch) {
        String stem = name.endsWith(".cu") ? name.substring(0, name.length() - 3) : name;
        return dir.resolve(stem + "-" + arch + "-" + key(name, source, arch).substring(0, 32) + ".ptx");
    }

    /** The PTX of {@code source} for {@code arch}, from the cache or freshly compiled (and stored). */
    byte[] ptx(String name, String source, String arch) {
        Path file = fileFor(name, source, arch);
        if (Files.isRegularFile(file)) {
            try {
                byte[] cached = Files.readAllBytes(file);
                if (cached.length > 0) {
                    return cached;
                }
            } catch (IOException e) {
                warnings.accept("PTX cache " + file + " unreadable, recompiling: " + e.getMessage());
            }
        }
        byte[] ptx = compiler.compile(name, source, options(arch));
        store(file, ptx);
        return ptx;
    }

    private void store(Path file, byte[] ptx) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), ".ptx-", ".tmp");
            Files.write(tmp, ptx);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            warnings.accept("PTX cache " + dir + " not writable: " + e.getMessage());
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray temp file in a cache folder is harmless
                }
            }
        }
    }
}
