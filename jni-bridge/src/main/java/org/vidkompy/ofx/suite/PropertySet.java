package org.vidkompy.ofx.suite;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.vidkompy.ofx.abi.OfxException;
import org.vidkompy.ofx.abi.OfxStatus;

import java.nio.charset.StandardCharsets;

/** Typed view of one {@code OfxPropertySetHandle}; throws {@link OfxException} on host errors. */
public final class PropertySet {
    private final PropertySuite suite;
    private final Pointer handle;

    public PropertySet(PropertySuite suite, Pointer handle) {
        this.suite = suite;
        this.handle = handle;
    }

    public Pointer handle() {
        return handle;
    }

    private static void check(int status, String what, String name) {
        if (status != OfxStatus.OK) {
            throw new OfxException(status, what + "(" + name + ")");
        }
    }

    public PropertySet setString(String name, String value) {
        check(suite.propSetString(handle, name, 0, value), "propSetString", name);
        return this;
    }

    public PropertySet setStrings(String name, String... values) {
        check(suite.propSetStringN(handle, name, values), "propSetStringN", name);
        return this;
    }

    public PropertySet setInt(String name, int value) {
        check(suite.propSetInt(handle, name, 0, value), "propSetInt", name);
        return this;
    }

    public PropertySet setDouble(String name, double value) {
        check(suite.propSetDouble(handle, name, 0, value), "propSetDouble", name);
        return this;
    }

    public PropertySet setDoubles(String name, double... values) {
        check(suite.propSetDoubleN(handle, name, values), "propSetDoubleN", name);
        return this;
    }

    public PropertySet setPointer(String name, Pointer value) {
        check(suite.propSetPointer(handle, name, 0, value), "propSetPointer", name);
        return this;
    }

    /** Like {@link #setInt} but ignores hosts that do not know the property (added after 1.0). */
    public PropertySet setIntIfKnown(String name, int value) {
        int status = suite.propSetInt(handle, name, 0, value);
        if (status != OfxStatus.OK && status != OfxStatus.ERR_UNKNOWN) {
            check(status, "propSetInt", name);
        }
        return this;
    }

    /** Like {@link #setString} but ignores hosts that do not know the property. */
    public PropertySet setStringIfKnown(String name, String value) {
        int status = suite.propSetString(handle, name, 0, value);
        if (status != OfxStatus.OK && status != OfxStatus.ERR_UNKNOWN) {
            check(status, "propSetString", name);
        }
        return this;
    }

    public String getString(String name, int index) {
        PointerByReference out = new PointerByReference();
        check(suite.propGetString(handle, name, index, out), "propGetString", name);
        Pointer p = out.getValue();
        return p == null ? "" : p.getString(0, StandardCharsets.UTF_8.name());
    }

    public String getString(String name) {
        return getString(name, 0);
    }

    public int getInt(String name, int index) {
        IntByReference out = new IntByReference();
        check(suite.propGetInt(handle, name, index, out), "propGetInt", name);
        return out.getValue();
    }

    public int getIntOr(String name, int fallback) {
        IntByReference out = new IntByReference();
        return suite.propGetInt(handle, name, 0, out) == OfxStatus.OK ? out.getValue() : fallback;
    }

    public double getDouble(String name, int index) {
        DoubleByReference out = new DoubleByReference();
        check(suite.propGetDouble(handle, name, index, out), "propGetDouble", name);
        return out.getValue();
    }

    public double getDoubleOr(String name, double fallback) {
        DoubleByReference out = new DoubleByReference();
        return suite.propGetDouble(handle, name, 0, out) == OfxStatus.OK ? out.getValue() : fallback;
    }

    public double[] getDoubles(String name, int count) {
        Memory out = new Memory((long) count * Double.BYTES);
        check(suite.propGetDoubleN(handle, name, count, out), "propGetDoubleN", name);
        return out.getDoubleArray(0, count);
    }

    public int[] getInts(String name, int count) {
        Memory out = new Memory((long) count * Integer.BYTES);
        check(suite.propGetIntN(handle, name, count, out), "propGetIntN", name);
        return out.getIntArray(0, count);
    }

    public Pointer getPointer(String name) {
        PointerByReference out = new PointerByReference();
        check(suite.propGetPointer(handle, name, 0, out), "propGetPointer", name);
        return out.getValue();
    }

    public int dimension(String name) {
        IntByReference out = new IntByReference();
        check(suite.propGetDimension(handle, name, out), "propGetDimension", name);
        return out.getValue();
    }
}
