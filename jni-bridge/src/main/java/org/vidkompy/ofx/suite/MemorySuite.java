package org.vidkompy.ofx.suite;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/** {@code OfxMemorySuiteV1} ("OfxMemorySuite", version 1): host-tracked memory. */
public final class MemorySuite extends Suite {
    public MemorySuite(Pointer table) {
        super(table, 2, "OfxMemorySuite");
    }

    /** {@code handle} (an effect instance or null) lets the host account the memory to it. */
    public Pointer memoryAlloc(Pointer handle, long bytes) {
        PointerByReference out = new PointerByReference();
        check(0, "memoryAlloc", handle, bytes, out);
        return out.getValue();
    }

    public void memoryFree(Pointer allocated) {
        check(1, "memoryFree", allocated);
    }
}
