package org.vidkompy.ofx.abi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Long-lived NUL-terminated copies of "label" strings: property names, parameter and clip names,
 * parameter types and enumerated property values. OpenFX lets the receiver keep such pointers
 * beyond the call, so they must never be JNA's per-call temporaries. Each distinct string is
 * allocated once and kept for the life of the process (the set is small and fixed).
 */
public final class NativeStrings {
    private static final ConcurrentHashMap<String, Memory> STRINGS = new ConcurrentHashMap<>();

    private NativeStrings() {
    }

    public static Pointer of(String text) {
        return STRINGS.computeIfAbsent(text, NativeStrings::allocate);
    }

    private static Memory allocate(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Memory memory = new Memory(bytes.length + 1L);
        memory.write(0, bytes, 0, bytes.length);
        memory.setByte(bytes.length, (byte) 0);
        return memory;
    }
}
