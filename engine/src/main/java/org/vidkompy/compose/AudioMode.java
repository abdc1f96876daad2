package org.vidkompy.compose;

/** Which audio goes into the render. */
public enum AudioMode {
    /** The fg's audio if it has any (the fg is the master), else the bg's, cut to match; else none. */
    AUTO,
    /** The fg's audio only (none if it has none). */
    FOREGROUND,
    /** The bg's audio, starting at the bg time under the first rendered fg frame. */
    BACKGROUND,
    /** A silent render. */
    NONE
}
