package org.vidkompy.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * One claimed output (see {@link OutputPolicy}): write into {@link #temp()}, then {@link #commit()}
 * publishes it under {@link #target()}; {@link #close()} without a commit removes the temporary
 * file. Use it in try-with-resources around the whole job.
 */
public final class OutputFile implements AutoCloseable {

    private final OutputPolicy policy;
    private final Path target;
    private final Path temp;
    private final boolean overwrite;
    private final List<Path> inputs;
    private boolean committed;

    OutputFile(OutputPolicy policy, Path target, Path temp, boolean overwrite, List<Path> inputs) {
        this.policy = policy;
        this.target = target;
        this.temp = temp;
        this.overwrite = overwrite;
        this.inputs = inputs;
    }

    /** The name the output will have. */
    public Path target() {
        return target;
    }

    /** Where to write until {@link #commit()}. */
    public Path temp() {
        return temp;
    }

    public boolean committed() {
        return committed;
    }

    /**
     * Publishes the written temporary file. Without overwrite it never replaces anything, not even a
     * file that appeared under the name while this job ran; with overwrite it replaces only a
     * regular file that is not an input.
     *
     * @throws OutputRefusedException when the name is no longer ours to take
     * @throws MediaException         when the rename fails
     */
    public void commit() {
        if (committed) {
            return;
        }
        policy.publish(this, this::rename);
        committed = true;
    }

    private void rename() {
        try {
            if (overwrite) {
                policy.check(target, true, inputs);
                // rename(2) replaces the name atomically; a symbolic link is replaced, not followed.
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                publishWithoutReplacing();
            }
        } catch (OutputRefusedException e) {
            discardTemp();
            throw e;
        } catch (IOException e) {
            discardTemp();
            throw new MediaException(target, "cannot move the finished file into place (" + IoMessages.reason(e) + ")",
                    e);
        }
    }

    /** link(2) fails if the name exists, which a check-then-rename cannot promise. */
    private void publishWithoutReplacing() throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw new OutputRefusedException(target, "appeared while this run was writing it; left as it is, "
                    + "nothing written (use --force to replace it)");
        } catch (UnsupportedOperationException | FileSystemException e) {
            // File systems without hard links (FAT, some network shares): the next best is a move
            // that refuses an existing name.
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputRefusedException(target, "appeared while this run was writing it; left as it is, "
                        + "nothing written (use --force to replace it)");
            }
            Files.move(temp, target);
            return;
        }
        Files.deleteIfExists(temp);
    }

    void discardTemp() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Its name is documented; the next run for this output removes it.
        }
    }

    @Override
    public void close() {
        if (!committed) {
            discardTemp();
            policy.release(this);
        }
    }
}
