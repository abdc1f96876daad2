package org.vidkompy.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A file-system error in words for users. The JDK's file exceptions carry the path and often no
 * reason, and their toString() leads with the class name.
 */
public final class IoMessages {
    private IoMessages() {
    }

    /** The reason alone: "permission denied". */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "exists already";
        }
        if (e instanceof FileSystemException) {
            return "input/output error";
        }
        return e.getMessage() != null ? e.getMessage() : "input/output error";
    }

    /** "file: reason" where the exception names the file, else the reason. */
    public static String of(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(e);
        }
        return reason(e);
    }
}
