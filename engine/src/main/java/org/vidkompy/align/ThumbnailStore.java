package org.vidkompy.align;

import java.util.ArrayList;
import java.util.List;
import org.vidkompy.image.Plane;

/**
 * Every frame of a clip as a small 8-bit luma picture, in chunks so no single array grows huge.
 * Lets the bg be decoded once before its footprint is known: descriptors of any footprint are then
 * cut from here, as often as the placement is refined.
 */
final class ThumbnailStore {

    private static final int CHUNK_FRAMES = 256;

    private final int width;
    private final int height;
    private final List<byte[]> chunks = new ArrayList<>();
    private int size;

    ThumbnailStore(int width, int height) {
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int size() {
        return size;
    }

    void add(Plane p) {
        int slot = size % CHUNK_FRAMES;
        if (slot == 0) {
            chunks.add(new byte[CHUNK_FRAMES * width * height]);
        }
        byte[] c = chunks.get(chunks.size() - 1);
        float[] d = p.data();
        int off = slot * width * height;
        // The scan's thumbnails hold whole 8-bit levels, and for them this is Math.round, only
        // a loop the JIT can vectorise (Math.round was most of the scan's own work).
        int n = width * height;
        for (int i = 0; i < n; i++) {
            c[off + i] = (byte) (int) (d[i] + 0.5f);
        }
        size++;
    }

    /** The chunk holding frame {@code i}; its pixels start at {@link #offset(int)}. */
    byte[] chunk(int i) {
        return chunks.get(i / CHUNK_FRAMES);
    }

    int offset(int i) {
        return (i % CHUNK_FRAMES) * width * height;
    }

    long bytes() {
        return (long) chunks.size() * CHUNK_FRAMES * width * height;
    }
}
