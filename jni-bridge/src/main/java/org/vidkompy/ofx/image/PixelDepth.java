package org.vidkompy.ofx.image;

import org.vidkompy.ofx.abi.Ofx;

/** RGBA component types the plugin supports, with their OpenFX names. Half float is not offered. */
public enum PixelDepth {
    BYTE(Ofx.BIT_DEPTH_BYTE, 1, 255f),
    SHORT(Ofx.BIT_DEPTH_SHORT, 2, 65535f),
    FLOAT(Ofx.BIT_DEPTH_FLOAT, 4, 1f);

    private final String ofxName;
    private final int componentBytes;
    private final float white;

    PixelDepth(String ofxName, int componentBytes, float white) {
        this.ofxName = ofxName;
        this.componentBytes = componentBytes;
        this.white = white;
    }

    public String ofxName() {
        return ofxName;
    }

    public int componentBytes() {
        return componentBytes;
    }

    public int pixelBytes() {
        return 4 * componentBytes;
    }

    /** The stored value of nominal white (1.0). */
    public float white() {
        return white;
    }

    public static PixelDepth fromOfx(String name) {
        for (PixelDepth d : values()) {
            if (d.ofxName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unsupported pixel depth " + name);
    }
}
