package org.vidkompy.cuda;

import java.util.Locale;

/** Whether analysis may, must or must not run on a CUDA GPU ({@code --gpu auto|on|off}). */
public enum GpuMode {
    /** The GPU when a device and its driver are usable, else the CPU; CUDA errors fall back to the CPU. */
    AUTO,
    /** The GPU or a clear error: for benchmarks and for checking a GPU setup. */
    ON,
    /** The CPU reference path. */
    OFF;

    /** Parses {@code auto}, {@code on} or {@code off} (any case). */
    public static GpuMode parse(String text) {
        if (text != null) {
            for (GpuMode m : values()) {
                if (m.name().equalsIgnoreCase(text.trim())) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("--gpu must be auto, on or off, got '" + text + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
