package org.vidkompy.io;

import org.bytedeco.javacpp.Pointer;

/** The C heap FFmpeg's decoders and encoders allocate from. */
public final class NativeHeap {

    private NativeHeap() {
    }

    /**
     * Gives memory freed by native code back to the system (glibc's {@code malloc_trim}; nothing
     * elsewhere). Freed decoder buffers otherwise stay in malloc's arenas, counted in the process's
     * RSS, until the same arena is asked for that much again.
     */
    public static void trim() {
        Pointer.trimMemory();
    }
}
