package org.vidkompy.io;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The one rule for every file vidkompy writes (videos, sidecars, joined chunks, generated pairs,
 * cache entries). An output
 * <ul>
 * <li>is never an input: not the same path once symbolic links and {@code ..} are resolved, and not
 *     the same file by device and inode (hard links);</li>
 * <li>replaces an existing file only when the caller asked for it, and only a regular file (never a
 *     device, FIFO, socket or folder);</li>
 * <li>is written under a hidden temporary name in its own folder ({@link TempName}) and published by
 *     one rename at the end; without overwrite the publication is a hard link that fails if anything
 *     appeared under the name meanwhile, so two runs never both claim one output;</li>
 * <li>leaves nothing behind when the job fails or is interrupted ({@link #abandonAll()}).</li>
 * </ul>
 * One instance per process (a Guice singleton) knows every claim still open, for interrupts.
 */
@Singleton
public final class OutputPolicy {

    private final Set<OutputFile> open = new LinkedHashSet<>();
    private boolean interrupted;

    /**
     * Checks that {@code target} may be written, without touching anything: for a refusal before
     * any work starts.
     *
     * @throws OutputRefusedException when it may not
     */
    public void check(Path target, boolean overwrite, Collection<Path> inputs) {
        Objects.requireNonNull(target, "target");
        Path folder = folderOf(target);
        if (!Files.isDirectory(folder)) {
            throw new OutputRefusedException(target, Files.exists(folder)
                    ? "cannot write here: " + folder + " is not a folder"
                    : "cannot write here: the folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new OutputRefusedException(target, "cannot write here: the folder " + folder + " is not writable");
        }
        for (Path in : inputs) {
            if (in != null && FileIdentity.same(target, in)) {
                throw new OutputRefusedException(target, in.toString().equals(target.toString())
                        ? "is an input; refusing to write over it (choose another output name)"
                        : "is the input " + in + "; refusing to write over it (choose another output name)");
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target)) {
                throw new OutputRefusedException(target, "exists and is not a regular file ("
                        + FileIdentity.kind(target) + "); vidkompy replaces only regular files");
            }
            if (!overwrite) {
                throw new OutputRefusedException(target,
                        "exists already; use --force to replace it, or write elsewhere with -o");
            }
        }
    }

    /**
     * Checks {@code target} and claims it: creates its temporary file (empty, the caller writes
     * into {@link OutputFile#temp()}) and removes temporary files of the same output left by runs
     * that no longer exist.
     */
    public OutputFile claim(Path target, boolean overwrite, Collection<Path> inputs) {
        Path abs = target.toAbsolutePath().normalize();
        check(abs, overwrite, inputs);
        removeAbandoned(abs);
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path temp = TempName.next(abs, pid);
            try {
                // Created and registered under the lock an interrupt takes, so no temporary file
                // can exist that the interrupt does not know of.
                synchronized (this) {
                    if (interrupted) {
                        throw new MediaException(target, "not written: the run was interrupted");
                    }
                    Files.createFile(temp);
                    OutputFile f = new OutputFile(this, abs, temp, overwrite, List.copyOf(nonNull(inputs)));
                    open.add(f);
                    return f;
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw new MediaException(target, "cannot create a temporary file beside it", e);
                }
            } catch (IOException e) {
                throw new MediaException(target, "cannot write here (" + IoMessages.reason(e) + ")", e);
            }
        }
    }

    /**
     * A folder for several outputs of one job (a generated pair): created if missing, accepted if
     * it exists and is empty, refused otherwise, so nothing in it can be anybody else's.
     */
    public Path freshFolder(Path dir) {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputRefusedException(dir, "exists and is not a folder; give a new folder name");
            }
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                if (s.iterator().hasNext()) {
                    throw new OutputRefusedException(dir,
                            "is not empty; give a new or empty folder (nothing in it is replaced)");
                }
            } catch (IOException e) {
                throw new OutputRefusedException(dir, "cannot read the folder (" + IoMessages.reason(e) + ")");
            }
            return dir;
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputRefusedException(dir, "cannot create the folder (" + IoMessages.reason(e) + ")");
        }
    }

    /**
     * For an interrupt: removes the temporary file of every open claim and refuses every later
     * publication. Returns the outputs that were not written.
     */
    public synchronized List<Path> abandonAll() {
        interrupted = true;
        List<Path> targets = new ArrayList<>();
        for (OutputFile f : open) {
            f.discardTemp();
            targets.add(f.target());
        }
        open.clear();
        return targets;
    }

    public synchronized boolean interrupted() {
        return interrupted;
    }

    /** Runs a publication unless an interrupt came first; both hold this lock. */
    synchronized void publish(OutputFile f, Runnable rename) {
        if (interrupted) {
            throw new MediaException(f.target(), "not written: the run was interrupted");
        }
        rename.run();
        open.remove(f);
    }

    synchronized void release(OutputFile f) {
        open.remove(f);
    }

    /** Temporary files of {@code target} whose process is gone (killed runs). */
    private static void removeAbandoned(Path target) {
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(target.getParent(),
                p -> TempName.ownerOf(target, p.getFileName().toString()).isPresent())) {
            for (Path p : s) {
                OptionalLong owner = TempName.ownerOf(target, p.getFileName().toString());
                if (owner.getAsLong() != self && ProcessHandle.of(owner.getAsLong()).isEmpty()
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up after others is a courtesy; the claim itself does not depend on it.
        }
    }

    private static Path folderOf(Path target) {
        Path parent = target.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : target.toAbsolutePath().getRoot();
    }

    private static List<Path> nonNull(Collection<Path> in) {
        List<Path> out = new ArrayList<>();
        for (Path p : in) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
