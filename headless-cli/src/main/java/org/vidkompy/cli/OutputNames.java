package org.vidkompy.cli;

import java.nio.file.Path;

/** Default output names, as the original tool chose them. */
final class OutputNames {
    private OutputNames() {
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** {@code {bg_stem}_overlay_{fg_stem}.mp4}. */
    static String overlay(Path bg, Path fg) {
        return stem(bg) + "_overlay_" + stem(fg) + ".mp4";
    }
}
