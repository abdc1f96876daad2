package org.vidkompy.ofx.suite;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;

/** {@code OfxTimeLineSuiteV1} ("OfxTimeLineSuite", version 1). */
public final class TimeLineSuite extends Suite {
    public TimeLineSuite(Pointer table) {
        super(table, 3, "OfxTimeLineSuite");
    }

    public double getTime(Pointer effect) {
        DoubleByReference out = new DoubleByReference();
        check(0, "getTime", effect, out);
        return out.getValue();
    }

    public void gotoTime(Pointer effect, double time) {
        check(1, "gotoTime", effect, time);
    }

    /** {first, last}. */
    public double[] getTimeBounds(Pointer effect) {
        Memory out = new Memory(2L * Double.BYTES);
        check(2, "getTimeBounds", effect, out, out.share(Double.BYTES));
        return out.getDoubleArray(0, 2);
    }
}
