package org.vidkompy.io;

import java.nio.file.Path;

/**
 * The audio to put beside the video: the first audio stream of {@code file}, starting at
 * {@code startSeconds} into it, cut where the video ends.
 */
public record AudioSource(Path file, double startSeconds) {
    public static AudioSource of(Path file) {
        return new AudioSource(file, 0);
    }
}
