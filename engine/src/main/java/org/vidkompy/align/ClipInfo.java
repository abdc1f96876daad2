package org.vidkompy.align;

/** What the analysis needs to know about a clip. */
public record ClipInfo(String name, int width, int height, double fps, long frames) {
}
