package org.vidkompy.media;

/**
 * Where the fg sits in the bg and which bg frame lies under every fg frame: the one result every
 * face passes along (the {@code vidkompy.alignment/1} sidecar that {@code analyze} writes and
 * {@code comp}/{@code render} read, and the record the OpenFX plugin stores).
 */
public record Alignment(Clip background, Clip foreground, Placement spatial, Timing temporal) {

    public static final String SCHEMA = "vidkompy.alignment/1";

    /** Where the fg's time jumps in the bg (cuts forward, replays back), read off the map. */
    public java.util.List<TimeJump> jumps() {
        return TimeJump.in(temporal.map(), background.fps() / foreground.fps());
    }
}
