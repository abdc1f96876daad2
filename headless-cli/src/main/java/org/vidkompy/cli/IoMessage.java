package org.vidkompy.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * An I/O failure as "file: problem". The JDK's file exceptions carry the path and often no reason,
 * and their toString() leads with the class name, which is not for users.
 */
final class IoMessage {
    private IoMessage() {
    }

    static String of(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String reason = f.getReason() != null ? f.getReason() : kind(f);
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : "input/output error";
    }

    private static String kind(FileSystemException f) {
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "exists already";
        }
        return "input/output error";
    }
}
