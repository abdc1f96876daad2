package org.vidkompy.cli;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Keeps the command's process off transparent huge pages. x264 aligns every buffer of 1.75 MB or more
 * to 2 MB and asks the kernel for huge pages over it, and a huge page is resident whole where x264
 * touches only part of it: at 1080p, medium, about 60 such buffers, and a render 18-22 MB larger than
 * with 4 KB pages for the same work, in the same time. Only the command line does this: its process is
 * its own, where the OpenFX plugin lives in a host's process and leaves its settings alone.
 */
final class HugePages {

    /** {@code PR_SET_THP_DISABLE} from {@code <linux/prctl.h>}. */
    private static final int PR_SET_THP_DISABLE = 41;

    private HugePages() {
    }

    /**
     * Declines huge pages for the rest of this process's life; where that cannot be done (not Linux, a
     * kernel before 3.15, JNA's native part not loadable) the process only keeps them.
     */
    static void decline() {
        if (!Platform.isLinux()) {
            return;
        }
        try {
            Libc.prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
        } catch (LinkageError e) {
            // Memory only: nothing to tell the user.
        }
    }

    private static final class Libc {
        static {
            Native.register("c");
        }

        static native int prctl(int option, long arg2, long arg3, long arg4, long arg5);
    }
}
