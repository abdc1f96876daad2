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

    synchronized int size() {
        return size;
    }

    /**
     * Stores frame {@code index}; the frames between the last one put and this one are left for
     * later. Parts of a split scan put frames at the same time, each its own.
     */
    void put(int index, Plane p) {
        byte[] c;
        synchronized (this) {
            while (chunks.size() <= index / CHUNK_FRAMES) {
                chunks.add(new byte[CHUNK_FRAMES * width * height]);
            }
            c = chunks.get(index / CHUNK_FRAMES);
            size = Math.max(size, index + 1);
        }
        float[] d = p.data();
        int off = (index % CHUNK_FRAMES) * width * height;
        // The scan's thumbnails hold whole 8-bit levels, and for them this is Math.round, only
        // a loop the JIT can vectorise (Math.round was most of the scan's own work).
        int n = width * height;
        for (int i = 0; i < n; i++) {
            c[off + i] = (byte) (int) (d[i] + 0.5f);
        }
    }

    /** The chunk holding frame {@code i}; its pixels start at {@link #offset(int)}. */
    synchronized byte[] chunk(int i) {
        return chunks.get(i / CHUNK_FRAMES);
    }

    int offset(int i) {
        return (i % CHUNK_FRAMES) * width * height;
    }

    synchronized long bytes() {
        return (long) chunks.size() * CHUNK_FRAMES * width * height;
    }
}
