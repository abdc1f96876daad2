package org.vidkompy.ofx.suite;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.vidkompy.ofx.abi.OfxException;
import org.vidkompy.ofx.abi.OfxStatus;

/**
 * A host suite: a C table of function pointers returned by {@code OfxHost::fetchSuite}. The table
 * is host-owned and lives while the plugin is loaded. Slots are read once; a NULL slot (some hosts
 * advertise a suite and leave functions out) fails only when called.
 *
 * <p>Calls go through {@link Function#invokeInt(Object[])} with boxed arguments: {@code Pointer}
 * for handles and out-parameters, {@code Integer}/{@code Double} for values. That also serves the
 * C-variadic parameter functions on x86-64 (doubles stay doubles, ints stay ints; the caller
 * passes exactly one argument per component).
 */
abstract class Suite {
    private final Function[] slots;
    private final String suiteName;

    Suite(Pointer table, int slotCount, String suiteName) {
        this.suiteName = suiteName;
        this.slots = new Function[slotCount];
        for (int i = 0; i < slotCount; i++) {
            Pointer fn = table.getPointer((long) i * Native.POINTER_SIZE);
            slots[i] = fn == null ? null : Function.getFunction(fn);
        }
    }

    final boolean has(int slot) {
        return slots[slot] != null;
    }

    final int call(int slot, String name, Object... args) {
        Function fn = slots[slot];
        if (fn == null) {
            throw new OfxException(OfxStatus.ERR_MISSING_HOST_FEATURE, suiteName + "." + name + " (NULL slot)");
        }
        return fn.invokeInt(args);
    }

    /** Calls and throws unless the host answered {@code kOfxStatOK}. */
    final void check(int slot, String name, Object... args) {
        int status = call(slot, name, args);
        if (status != OfxStatus.OK) {
            throw new OfxException(status, suiteName + "." + name);
        }
    }
}
