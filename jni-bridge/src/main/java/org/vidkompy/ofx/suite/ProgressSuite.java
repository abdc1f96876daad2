package org.vidkompy.ofx.suite;

import com.sun.jna.Pointer;
import org.vidkompy.ofx.abi.OfxStatus;

/**
 * {@code OfxProgressSuiteV1/V2} ("OfxProgressSuite"): V2 adds a message id to
 * {@code progressStart}. {@code progressUpdate} answers {@code kOfxStatReplyNo} once the user cancels.
 */
public final class ProgressSuite extends Suite {
    private final int version;

    public ProgressSuite(Pointer table, int version) {
        super(table, 3, "OfxProgressSuite");
        this.version = version;
    }

    public int start(Pointer effect, String label, String messageId) {
        return version >= 2
                ? call(0, "progressStart", effect, label, messageId)
                : call(0, "progressStart", effect, label);
    }

    /** Returns false when the user asked to cancel. */
    public boolean update(Pointer effect, double fraction) {
        return call(1, "progressUpdate", effect, fraction) != OfxStatus.REPLY_NO;
    }

    public int end(Pointer effect) {
        return call(2, "progressEnd", effect);
    }
}
