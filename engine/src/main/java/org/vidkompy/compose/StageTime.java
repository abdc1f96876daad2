package org.vidkompy.compose;

/**
 * How one pipeline stage spent its time.
 *
 * @param wallSeconds from the stage's start to its end
 * @param busySeconds wall time minus the time spent waiting for input or for a free buffer; the
 *                    stage with busy ≈ wall is the bottleneck
 */
public record StageTime(String stage, double wallSeconds, double busySeconds) {
}
