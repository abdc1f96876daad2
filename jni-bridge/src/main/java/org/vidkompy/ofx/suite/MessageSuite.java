package org.vidkompy.ofx.suite;

import com.sun.jna.Pointer;
import org.vidkompy.ofx.abi.NativeStrings;

/**
 * {@code OfxMessageSuiteV1/V2} ("OfxMessageSuite"). The format is always the literal {@code "%s"}
 * with the text as its argument, never user text as the format. V2's persistent-message slots may
 * be NULL even when advertised (Resolve 14), so they are checked before use.
 */
public final class MessageSuite extends Suite {
    private final int version;

    public MessageSuite(Pointer table, int version) {
        super(table, version >= 2 ? 3 : 1, "OfxMessageSuite");
        this.version = version;
    }

    public int message(Pointer handle, String type, String id, String text) {
        return call(0, "message", handle, NativeStrings.of(type), NativeStrings.of(id), NativeStrings.of("%s"), text);
    }

    public boolean canPersist() {
        return version >= 2 && has(1) && has(2);
    }

    public int setPersistentMessage(Pointer handle, String type, String id, String text) {
        return call(1, "setPersistentMessage", handle, NativeStrings.of(type), NativeStrings.of(id),
                NativeStrings.of("%s"), text);
    }

    public int clearPersistentMessage(Pointer handle) {
        return call(2, "clearPersistentMessage", handle);
    }
}
