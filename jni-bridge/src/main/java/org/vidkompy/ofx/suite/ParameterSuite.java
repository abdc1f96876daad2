package org.vidkompy.ofx.suite;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.vidkompy.ofx.abi.NativeStrings;

import java.nio.charset.StandardCharsets;

/**
 * {@code OfxParameterSuiteV1} ("OfxParameterSuite", version 1), 18 functions. Slots 4-9 are C
 * variadic: getters take one pointer per component, setters one value per component ({@code double}
 * for Double params, {@code int} for Integer/Boolean/Choice, {@code const char*} for String). Only
 * the shapes this plugin needs are typed here; {@link #getValueAtTimeRaw}/{@link #setValueRaw} pass
 * any other shape through. Parameter names and types come from {@link NativeStrings}; string values
 * set are value strings (copied by the host), string values read are copied at once.
 */
public final class ParameterSuite extends Suite {
    public ParameterSuite(Pointer table) {
        super(table, 18, "OfxParameterSuite");
    }

    /** Returns the new parameter descriptor's property set. */
    public Pointer paramDefine(Pointer paramSet, String paramType, String name) {
        PointerByReference props = new PointerByReference();
        check(0, "paramDefine", paramSet, NativeStrings.of(paramType), NativeStrings.of(name), props);
        return props.getValue();
    }

    public Pointer paramGetHandle(Pointer paramSet, String name) {
        PointerByReference out = new PointerByReference();
        check(1, "paramGetHandle", paramSet, NativeStrings.of(name), out, Pointer.NULL);
        return out.getValue();
    }

    public Pointer paramSetGetPropertySet(Pointer paramSet) {
        PointerByReference out = new PointerByReference();
        check(2, "paramSetGetPropertySet", paramSet, out);
        return out.getValue();
    }

    public Pointer paramGetPropertySet(Pointer param) {
        PointerByReference out = new PointerByReference();
        check(3, "paramGetPropertySet", param, out);
        return out.getValue();
    }

    public double getDouble(Pointer param) {
        DoubleByReference out = new DoubleByReference();
        check(4, "paramGetValue", param, out);
        return out.getValue();
    }

    /** Integer, Boolean or Choice value now. */
    public int getInt(Pointer param) {
        IntByReference out = new IntByReference();
        check(4, "paramGetValue", param, out);
        return out.getValue();
    }

    public double getDoubleAtTime(Pointer param, double time) {
        DoubleByReference out = new DoubleByReference();
        check(5, "paramGetValueAtTime", param, time, out);
        return out.getValue();
    }

    public int getIntAtTime(Pointer param, double time) {
        IntByReference out = new IntByReference();
        check(5, "paramGetValueAtTime", param, time, out);
        return out.getValue();
    }

    public String getString(Pointer param) {
        PointerByReference out = new PointerByReference();
        check(4, "paramGetValue", param, out);
        Pointer p = out.getValue();
        return p == null ? "" : p.getString(0, StandardCharsets.UTF_8.name());
    }

    public String getStringAtTime(Pointer param, double time) {
        PointerByReference out = new PointerByReference();
        check(5, "paramGetValueAtTime", param, time, out);
        Pointer p = out.getValue();
        return p == null ? "" : p.getString(0, StandardCharsets.UTF_8.name());
    }

    /** Variadic getter with caller-made out pointers (one per component). */
    public int getValueAtTimeRaw(Pointer param, double time, Object... outPointers) {
        Object[] args = new Object[2 + outPointers.length];
        args[0] = param;
        args[1] = time;
        System.arraycopy(outPointers, 0, args, 2, outPointers.length);
        return call(5, "paramGetValueAtTime", args);
    }

    public void setDouble(Pointer param, double value) {
        check(8, "paramSetValue", param, value);
    }

    public void setDoubleAtTime(Pointer param, double time, double value) {
        check(9, "paramSetValueAtTime", param, time, value);
    }

    public void setInt(Pointer param, int value) {
        check(8, "paramSetValue", param, value);
    }

    public void setString(Pointer param, String value) {
        check(8, "paramSetValue", param, value);
    }

    /** Variadic setter: values must already have the C types (Double, Integer, String/Pointer). */
    public int setValueRaw(Pointer param, Object... values) {
        Object[] args = new Object[1 + values.length];
        args[0] = param;
        System.arraycopy(values, 0, args, 1, values.length);
        return call(8, "paramSetValue", args);
    }

    public int getNumKeys(Pointer param) {
        IntByReference out = new IntByReference();
        check(10, "paramGetNumKeys", param, out);
        return out.getValue();
    }

    public double getKeyTime(Pointer param, int nth) {
        DoubleByReference out = new DoubleByReference();
        check(11, "paramGetKeyTime", param, nth, out);
        return out.getValue();
    }

    public int getKeyIndex(Pointer param, double time, int direction, IntByReference index) {
        return call(12, "paramGetKeyIndex", param, time, direction, index);
    }

    public int deleteKey(Pointer param, double time) {
        return call(13, "paramDeleteKey", param, time);
    }

    public void deleteAllKeys(Pointer param) {
        check(14, "paramDeleteAllKeys", param);
    }

    public int copy(Pointer to, Pointer from, double dstOffset, Pointer frameRange) {
        return call(15, "paramCopy", to, from, dstOffset, frameRange);
    }

    /** The name is a label string (the host may show it as the undo step's name). */
    public void editBegin(Pointer paramSet, String name) {
        check(16, "paramEditBegin", paramSet, NativeStrings.of(name));
    }

    public void editEnd(Pointer paramSet) {
        check(17, "paramEditEnd", paramSet);
    }
}
