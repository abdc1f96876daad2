package org.vidkompy.media;

/**
 * A clip as the analysis sees it: its name (a file path, or a host clip's name), picture size as
 * shown, frame rate and number of frames.
 */
public record Clip(String name, int width, int height, double fps, long frames) {
}
