package org.vidkompy.io;

/** The first audio stream of a file. */
public record AudioInfo(int streamIndex, String codec, int sampleRate, int channels, double duration) {
}
