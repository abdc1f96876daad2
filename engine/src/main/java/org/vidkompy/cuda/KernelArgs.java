package org.vidkompy.cuda;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The {@code void** kernelParams} of {@code cuLaunchKernel}: one host cell per argument holding its
 * value, and an array of pointers to those cells, in the kernel's parameter order. The types must
 * match the kernel's signature exactly (a device pointer is 8 bytes, an int 4), which is why each
 * argument is added with its C type. Host memory only, so it is testable without a GPU; closing
 * frees it.
 */
final class KernelArgs implements AutoCloseable {

    private final List<Pointer> cells = new ArrayList<>();
    private final StringBuilder kinds = new StringBuilder();
    private PointerPointer<Pointer> array;

    /** A device pointer ({@code T*} in the kernel). */
    KernelArgs ptr(long devicePointer) {
        return add('p', new LongPointer(1).put(devicePointer));
    }

    KernelArgs i32(int v) {
        return add('i', new IntPointer(1).put(v));
    }

    KernelArgs f32(float v) {
        return add('f', new FloatPointer(1).put(v));
    }

    KernelArgs f64(double v) {
        return add('d', new DoublePointer(1).put(v));
    }

    private KernelArgs add(char kind, Pointer cell) {
        if (array != null) {
            throw new IllegalStateException("arguments already handed out");
        }
        cells.add(cell);
        kinds.append(kind);
        return this;
    }

    /** The C types in order, one letter each: p(ointer), i(nt), f(loat), d(ouble); tests match it to the .cu. */
    String kinds() {
        return kinds.toString();
    }

    int count() {
        return cells.size();
    }

    /** Address of the cell of argument {@code i}: what {@code kernelParams[i]} points to. */
    long cellAddress(int i) {
        return cells.get(i).address();
    }

    /** The {@code kernelParams} array; fixed after the first call. */
    PointerPointer<Pointer> pointers() {
        if (array == null) {
            array = new PointerPointer<>(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                array.put(i, cells.get(i));
            }
        }
        return array;
    }

    @Override
    public void close() {
        if (array != null) {
            array.close();
        }
        for (Pointer p : cells) {
            p.close();
        }
        cells.clear();
    }
}
