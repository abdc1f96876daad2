package org.vidkompy.ofx.suite;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.vidkompy.ofx.abi.NativeStrings;

/**
 * {@code OfxPropertySuiteV1} ("OfxPropertySuite", version 1), 18 functions, all returning a status.
 * Property names are always passed from {@link NativeStrings}; so are string values, because the
 * only strings the plugin sets on properties are labels, hints and enumerated values (a small,
 * fixed set the host may keep by pointer). Strings read back are host-owned and copied at once.
 */
public final class PropertySuite extends Suite {
    public PropertySuite(Pointer table) {
        super(table, 18, "OfxPropertySuite");
    }

    public int propSetPointer(Pointer props, String name, int index, Pointer value) {
        return call(0, "propSetPointer", props, NativeStrings.of(name), index, value);
    }

    public int propSetString(Pointer props, String name, int index, String value) {
        return call(1, "propSetString", props, NativeStrings.of(name), index, NativeStrings.of(value));
    }

    public int propSetDouble(Pointer props, String name, int index, double value) {
        return call(2, "propSetDouble", props, NativeStrings.of(name), index, value);
    }

    public int propSetInt(Pointer props, String name, int index, int value) {
        return call(3, "propSetInt", props, NativeStrings.of(name), index, value);
    }

    public int propSetStringN(Pointer props, String name, String... values) {
        Memory array = new Memory((long) Math.max(1, values.length) * com.sun.jna.Native.POINTER_SIZE);
        for (int i = 0; i < values.length; i++) {
            array.setPointer((long) i * com.sun.jna.Native.POINTER_SIZE, NativeStrings.of(values[i]));
        }
        return call(5, "propSetStringN", props, NativeStrings.of(name), values.length, array);
    }

    public int propSetDoubleN(Pointer props, String name, double... values) {
        Memory array = new Memory((long) Math.max(1, values.length) * Double.BYTES);
        array.write(0, values, 0, values.length);
        return call(6, "propSetDoubleN", props, NativeStrings.of(name), values.length, array);
    }

    public int propSetIntN(Pointer props, String name, int... values) {
        Memory array = new Memory((long) Math.max(1, values.length) * Integer.BYTES);
        array.write(0, values, 0, values.length);
        return call(7, "propSetIntN", props, NativeStrings.of(name), values.length, array);
    }

    public int propGetPointer(Pointer props, String name, int index, PointerByReference out) {
        return call(8, "propGetPointer", props, NativeStrings.of(name), index, out);
    }

    /** {@code out} receives a host-owned {@code char*}, valid until the property changes. */
    public int propGetString(Pointer props, String name, int index, PointerByReference out) {
        return call(9, "propGetString", props, NativeStrings.of(name), index, out);
    }

    public int propGetDouble(Pointer props, String name, int index, DoubleByReference out) {
        return call(10, "propGetDouble", props, NativeStrings.of(name), index, out);
    }

    public int propGetInt(Pointer props, String name, int index, IntByReference out) {
        return call(11, "propGetInt", props, NativeStrings.of(name), index, out);
    }

    public int propGetDoubleN(Pointer props, String name, int count, Memory out) {
        return call(14, "propGetDoubleN", props, NativeStrings.of(name), count, out);
    }

    public int propGetIntN(Pointer props, String name, int count, Memory out) {
        return call(15, "propGetIntN", props, NativeStrings.of(name), count, out);
    }

    public int propReset(Pointer props, String name) {
        return call(16, "propReset", props, NativeStrings.of(name));
    }

    public int propGetDimension(Pointer props, String name, IntByReference count) {
        return call(17, "propGetDimension", props, NativeStrings.of(name), count);
    }
}
