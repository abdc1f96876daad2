package org.vidkompy.spatial;

/** No placement of the fg in the bg correlates well enough to be believed. */
public final class NoMatchException extends RuntimeException {

    private final double bestConfidence;

    public NoMatchException(double bestConfidence, String reason) {
        super(String.format(java.util.Locale.ROOT, "no overlap found (best confidence %.2f): %s",
                bestConfidence, reason));
        this.bestConfidence = bestConfidence;
    }

    /** Highest ZNCC reached by any refined candidate, 0 when nothing could be compared at all. */
    public double bestConfidence() {
        return bestConfidence;
    }
}
