package org.vidkompy.ofx.engine;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameCursor;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.MediaClip;
import org.vidkompy.io.VideoProbe;
import org.vidkompy.ofx.effect.BackgroundVideos;
import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.PixelDepth;
import org.vidkompy.ofx.image.RectI;

/**
 * Background videos read by the plugin itself (the "Background file" parameter, for timeline hosts
 * that give the effect one input). Files are probed once per process and kept, keyed by path, size
 * and modification time, so ephemeral render instances (Baselight creates one per frame) do not
 * re-probe; a probe failure is remembered the same way and reported as its message.
 */
@Singleton
public final class BackgroundFiles implements BackgroundVideos {
    static final int KEPT = 4;

    private final VideoProbe probe;
    private final Map<String, Object> opened = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            if (size() > KEPT) {
                if (eldest.getValue() instanceof File f) {
                    f.close();
                }
                return true;
            }
            return false;
        }
    };

    @Inject
    public BackgroundFiles(VideoProbe probe) {
        this.probe = probe;
    }

    @Override
    public File open(String pathText) {
        Path path = Path.of(pathText.strip());
        String key;
        try {
            key = path.toAbsolutePath() + "|" + Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis();
        } catch (IOException | RuntimeException e) {
            throw new MediaException(path, Files.exists(path) ? "cannot be read" : "does not exist");
        }
        synchronized (opened) {
            Object known = opened.get(key);
            if (known instanceof File f) {
                return f;
            }
            if (known instanceof MediaException e) {
                throw e;
            }
        }
        Object result;
        try {
            MediaClip info = probe.probe(path);
            result = new File(info);
        } catch (MediaException e) {
            result = e;
        } catch (RuntimeException e) {
            result = new MediaException(path, "not a readable video (" + e.getMessage() + ")");
        }
        synchronized (opened) {
            opened.put(key, result);
        }
        if (result instanceof MediaException e) {
            throw e;
        }
        return (File) result;
    }

    @Override
    public void release() {
        synchronized (opened) {
            opened.values().forEach(v -> {
                if (v instanceof File f) {
                    f.close();
                }
            });
        }
    }

    /**
     * One background video: its shape, and its frames by index at any output size, decoded in
     * order and converted by swscale exactly as {@code vidkompy render} reads the bg (same
     * conversion, RGBA instead of RGB24, alpha 255), and reached the same way ({@link FrameCursor}).
     */
    public static final class File implements BackgroundVideos.Video, AutoCloseable {
        static final int CACHED_FRAMES = 4;

        private final MediaClip info;
        private final Map<Long, Reader> readers = new LinkedHashMap<>();
        private final Map<String, byte[]> frames = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > CACHED_FRAMES;
            }
        };

        private record Reader(FrameReader reader, FrameCursor cursor, int width, int height) {
        }

        File(MediaClip info) {
            this.info = info;
        }

        @Override
        public MediaClip info() {
            return info;
        }

        public Path path() {
            return info.path();
        }

        public int frames() {
            return (int) info.frameCount();
        }

        @Override
        public synchronized ImageView frame(int index, int width, int height) {
            if (index < 0 || index >= frames()) {
                return null;
            }
            String key = index + "@" + width + "x" + height;
            byte[] rgba = frames.get(key);
            if (rgba == null) {
                rgba = decode(index, width, height);
                frames.put(key, rgba);
            }
            ByteBuffer buffer = ByteBuffer.wrap(rgba);
            int stride = width * 4;
            // top row first in memory: OFX row 0 (the bottom) is the last one, rows go up backwards
            return ImageView.wrap(buffer, (long) (height - 1) * stride, new RectI(0, 0, width, height), -stride,
                    PixelDepth.BYTE);
        }

        private byte[] decode(int target, int width, int height) {
            long sizeKey = ((long) width << 32) | height;
            Reader r = readers.get(sizeKey);
            if (r == null) {
                if (readers.size() >= 2) { // a preview scale and the full one are plenty
                    readers.values().forEach(x -> x.reader().close());
                    readers.clear();
                }
                FrameReader opened = FrameReader.open(info.path(),
                        ReaderOptions.of(FrameFormat.of(PixelLayout.RGBA, width, height)));
                r = new Reader(opened, new FrameCursor(opened, info.times()), width, height);
                readers.put(sizeKey, r);
            }
            if (!r.cursor().moveTo(target)) {
                throw new MediaException(info.path(), "ends before frame " + target);
            }
            FrameReader reader = r.reader();
            byte[] out = new byte[width * height * 4];
            reader.output(0).copyTo(out);
            return out;
        }

        /** Closes the decoders; later frames reopen them. */
        @Override
        public synchronized void close() {
            readers.values().forEach(x -> x.reader().close());
            readers.clear();
            frames.clear();
        }
    }
}
