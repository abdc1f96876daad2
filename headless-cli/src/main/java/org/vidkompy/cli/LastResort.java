package org.vidkompy.cli;

/**
 * The one line for a failure that is not the user's doing. The exception's own text names classes
 * and internal state that mean nothing to a user (and may be wrong about the cause), so it is shown
 * only with -v, together with the stack trace the report needs.
 */
final class LastResort {

    private static final long GIB = 1L << 30;

    private LastResort() {
    }

    static String internalError(String command) {
        return "vidkompy: internal error in '" + command + "': this is a bug in vidkompy; please report it to the"
                + " vidkompy maintainers with the output of the same command run with -v";
    }

    /** A heap too small for the frames is fixed by the user, so the line says how. */
    static String outOfMemory(String command, long maxHeapBytes) {
        long suggest = Math.max(4, 2 * ((maxHeapBytes + GIB - 1) / GIB));
        return "vidkompy: out of memory in '" + command + "': the frames are too large for the Java heap ("
                + maxHeapBytes / (1L << 20) + " MiB); raise it with VIDKOMPY_JAVA_OPTS=-Xmx" + suggest + "g";
    }
}
