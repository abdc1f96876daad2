package org.vidkompy.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Whether two names lead to one file, and what kind of thing a name is, for messages. */
final class FileIdentity {
    private FileIdentity() {
    }

    /**
     * Same file by resolved path (symbolic links, {@code ..}) or by device and inode (hard links).
     * A name that does not exist yet is compared through its resolved folder.
     */
    static boolean same(Path a, Path b) {
        if (resolved(a).equals(resolved(b))) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    static String kind(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.isDirectory()) {
                return "a folder";
            }
            if (a.isOther()) {
                return "a device, FIFO or socket";
            }
            return a.isRegularFile() ? "a file" : "not a regular file";
        } catch (IOException e) {
            return Files.isSymbolicLink(p) ? "a broken symbolic link" : "unreadable";
        }
    }

    private static Path resolved(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            if (parent == null) {
                return abs;
            }
            try {
                if (Files.isSymbolicLink(abs)) {
                    // A dangling link: where it would lead.
                    return parent.toRealPath().resolve(Files.readSymbolicLink(abs)).normalize();
                }
                return parent.toRealPath().resolve(abs.getFileName());
            } catch (IOException e2) {
                return abs;
            }
        }
    }
}
