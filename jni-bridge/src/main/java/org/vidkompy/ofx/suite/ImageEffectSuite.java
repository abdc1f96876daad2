package org.vidkompy.ofx.suite;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.vidkompy.ofx.abi.NativeStrings;

/**
 * {@code OfxImageEffectSuiteV1} ("OfxImageEffectSuite", version 1), 13 functions. Clip names are
 * passed from {@link NativeStrings}. Images returned by {@link #clipGetImage} must be released with
 * {@link #clipReleaseImage} before the action returns.
 */
public final class ImageEffectSuite extends Suite {
    public ImageEffectSuite(Pointer table) {
        super(table, 13, "OfxImageEffectSuite");
    }

    public Pointer getPropertySet(Pointer effect) {
        PointerByReference out = new PointerByReference();
        check(0, "getPropertySet", effect, out);
        return out.getValue();
    }

    public Pointer getParamSet(Pointer effect) {
        PointerByReference out = new PointerByReference();
        check(1, "getParamSet", effect, out);
        return out.getValue();
    }

    /** Returns the clip descriptor's property set. */
    public Pointer clipDefine(Pointer effect, String name) {
        PointerByReference out = new PointerByReference();
        check(2, "clipDefine", effect, NativeStrings.of(name), out);
        return out.getValue();
    }

    /** Returns the clip handle; {@code props} (nullable) receives its property set. */
    public Pointer clipGetHandle(Pointer effect, String name, PointerByReference props) {
        PointerByReference out = new PointerByReference();
        check(3, "clipGetHandle", effect, NativeStrings.of(name), out, props);
        return out.getValue();
    }

    public Pointer clipGetPropertySet(Pointer clip) {
        PointerByReference out = new PointerByReference();
        check(4, "clipGetPropertySet", clip, out);
        return out.getValue();
    }

    /** Raw call; {@code region} may be null. On success {@code image} holds the image's property set. */
    public int clipGetImage(Pointer clip, double time, Pointer region, PointerByReference image) {
        return call(5, "clipGetImage", clip, time, region, image);
    }

    public int clipReleaseImage(Pointer image) {
        return call(6, "clipReleaseImage", image);
    }

    /** Canonical region {x1, y1, x2, y2}. */
    public double[] clipGetRegionOfDefinition(Pointer clip, double time) {
        Memory rect = new Memory(4L * Double.BYTES);
        check(7, "clipGetRegionOfDefinition", clip, time, rect);
        return rect.getDoubleArray(0, 4);
    }

    public boolean abort(Pointer effect) {
        return call(8, "abort", effect) != 0;
    }

    public int imageMemoryAlloc(Pointer effect, long bytes, PointerByReference memory) {
        return call(9, "imageMemoryAlloc", effect, bytes, memory);
    }

    public int imageMemoryFree(Pointer memory) {
        return call(10, "imageMemoryFree", memory);
    }

    public int imageMemoryLock(Pointer memory, PointerByReference data) {
        return call(11, "imageMemoryLock", memory, data);
    }

    public int imageMemoryUnlock(Pointer memory) {
        return call(12, "imageMemoryUnlock", memory);
    }
}
