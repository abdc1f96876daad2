package org.vidkompy.ofx.engine;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.vidkompy.compose.Compositor;
import org.vidkompy.compose.FeatherMask;
import org.vidkompy.compose.OverlayGeometry;
import jakarta.inject.Inject;
import org.vidkompy.media.Placement;
import org.vidkompy.ofx.effect.OfxRenderer;
import org.vidkompy.ofx.effect.Overlay;
import org.vidkompy.ofx.image.Grid;
import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.RectI;

/**
 * Draws one output frame with the engine's {@link Compositor}, the one {@code vidkompy render}
 * uses: the host's images become packed RGB24 (8-bit images exactly, 16-bit and float ones scaled
 * and rounded), the fg is composited onto the bg, and the result goes back into the output image.
 *
 * <p>Only the pixels the fg touches pass through 8 bits; the rest of the output is the bg copied
 * at its own depth. Alpha: where both inputs are opaque (video) the result is opaque; otherwise
 * the alphas are composited with the same weights as the colours.
 *
 * <p>Geometry at render scale s: both clips' regions of definition times s give the pixel grids,
 * the fg's corner lands at (x*s, y*s) and its scale is unchanged (fg and bg pixels shrink alike).
 * A compositor (with its scratch buffers) is built per geometry and feather and kept for reuse;
 * concurrent renders each take one of their own, so renders may run on any number of threads.
 */
public final class OverlayRenderer implements OfxRenderer {
    /** Geometries kept (a keyed placement makes one per frame; those are not worth keeping all). */
    static final int CACHED_GEOMETRIES = 8;

    private record Key(OverlayGeometry geometry, double margin) {
    }

    /** A compositor and the buffers one render needs with it. */
    private static final class Slot {
        final Compositor compositor;
        final byte[] fg;
        final byte[] fgAlpha;
        final ByteBuffer canvas;
        final ByteBuffer canvasAlpha;

        Slot(Key key) {
            OverlayGeometry g = key.geometry();
            compositor = new Compositor(g, FeatherMask.of(g, key.margin()), 1);
            fg = new byte[g.fgWidth() * g.fgHeight() * 3];
            fgAlpha = new byte[fg.length];
            canvas = ByteBuffer.allocate(g.bgWidth() * g.bgHeight() * 3);
            canvasAlpha = ByteBuffer.allocate(canvas.capacity());
        }
    }

    private final Map<Key, ConcurrentLinkedQueue<Slot>> idle = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ConcurrentLinkedQueue<Slot>> eldest) {
            if (size() > CACHED_GEOMETRIES) {
                eldest.getValue().forEach(s -> s.compositor.close());
                return true;
            }
            return false;
        }
    };

    @Inject
    public OverlayRenderer() {
    }

    @Override
    public void render(ImageView fg, ImageView bg, ImageView out, RectI window, Overlay overlay, double[] renderScale) {
        double sx = renderScale[0];
        double sy = renderScale[1];
        Grid bgGrid = Grid.of(overlay.background(), sx, sy);
        Grid fgGrid = Grid.of(overlay.foreground(), sx, sy);
        Placement p = overlay.placement();
        OverlayGeometry g = new OverlayGeometry(bgGrid.width(), bgGrid.height(), fgGrid.width(), fgGrid.height(),
                p.x() * sx, p.y() * sy, p.scale());
        Key key = new Key(g, Math.max(0, overlay.feather()) * sx);
        RectI area = window.intersect(out.bounds());
        Slot slot = borrow(key);
        try {
            int c0 = g.firstColumn();
            int c1 = g.endColumn();
            int r0 = g.firstRow();
            int r1 = g.endRow();
            boolean opaque = toRgb(fg, fgGrid, slot.fg, slot.fgAlpha);
            opaque &= canvas(bg, bgGrid, c0, c1, r0, r1, slot.canvas, slot.canvasAlpha);
            if (g.visible()) {
                slot.compositor.composite(slot.fg, slot.canvas);
                if (!opaque) {
                    slot.compositor.composite(slot.fgAlpha, slot.canvasAlpha);
                }
            }
            int stride = g.bgWidth() * 3;
            for (int y = area.y1(); y < area.y2(); y++) {
                int row = bgGrid.top() - 1 - y;
                boolean rowInside = row >= r0 && row < r1;
                for (int x = area.x1(); x < area.x2(); x++) {
                    int col = x - bgGrid.left();
                    if (rowInside && col >= c0 && col < c1) {
                        int at = row * stride + col * 3;
                        out.set8(x, y, 0, slot.canvas.get(at) & 0xff);
                        out.set8(x, y, 1, slot.canvas.get(at + 1) & 0xff);
                        out.set8(x, y, 2, slot.canvas.get(at + 2) & 0xff);
                        out.set8(x, y, 3, opaque ? 255 : slot.canvasAlpha.get(at) & 0xff);
                    } else if (bg != null && bg.contains(x, y)) {
                        out.copyPixel(bg, x, y);
                    } else {
                        out.clear(x, y);
                    }
                }
            }
        } finally {
            giveBack(key, slot);
        }
    }

    /** The whole fg as RGB24 and its alpha as grey RGB24; returns whether it is opaque. */
    private static boolean toRgb(ImageView img, Grid grid, byte[] rgb, byte[] alpha) {
        boolean opaque = true;
        int i = 0;
        for (int row = 0; row < grid.height(); row++) {
            int y = grid.y(row);
            for (int col = 0; col < grid.width(); col++, i += 3) {
                int x = grid.left() + col;
                if (img.contains(x, y)) {
                    rgb[i] = (byte) img.get8(x, y, 0);
                    rgb[i + 1] = (byte) img.get8(x, y, 1);
                    rgb[i + 2] = (byte) img.get8(x, y, 2);
                    int a = img.get8(x, y, 3);
                    opaque &= a == 255;
                    alpha[i] = alpha[i + 1] = alpha[i + 2] = (byte) a;
                } else {
                    rgb[i] = rgb[i + 1] = rgb[i + 2] = 0;
                    alpha[i] = alpha[i + 1] = alpha[i + 2] = 0;
                    opaque = false;
                }
            }
        }
        return opaque;
    }

    /** The bg under the fg's rectangle as RGB24 (and alpha); returns whether it is opaque there. */
    private static boolean canvas(ImageView img, Grid grid, int c0, int c1, int r0, int r1, ByteBuffer rgb,
                                  ByteBuffer alpha) {
        boolean opaque = true;
        int stride = grid.width() * 3;
        for (int row = r0; row < r1; row++) {
            int y = grid.y(row);
            for (int col = c0; col < c1; col++) {
                int x = grid.left() + col;
                int at = row * stride + col * 3;
                if (img != null && img.contains(x, y)) {
                    rgb.put(at, (byte) img.get8(x, y, 0));
                    rgb.put(at + 1, (byte) img.get8(x, y, 1));
                    rgb.put(at + 2, (byte) img.get8(x, y, 2));
                    int a = img.get8(x, y, 3);
                    opaque &= a == 255;
                    alpha.put(at, (byte) a).put(at + 1, (byte) a).put(at + 2, (byte) a);
                } else {
                    rgb.put(at, (byte) 0).put(at + 1, (byte) 0).put(at + 2, (byte) 0);
                    alpha.put(at, (byte) 0).put(at + 1, (byte) 0).put(at + 2, (byte) 0);
                    opaque = false;
                }
            }
        }
        return opaque;
    }

    private Slot borrow(Key key) {
        ConcurrentLinkedQueue<Slot> q;
        synchronized (idle) {
            q = idle.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        }
        Slot s = q.poll();
        return s != null ? s : new Slot(key);
    }

    private void giveBack(Key key, Slot slot) {
        ConcurrentLinkedQueue<Slot> q;
        synchronized (idle) {
            q = idle.get(key);
        }
        if (q != null) {
            q.offer(slot);
        } else {
            slot.compositor.close();
        }
    }

    /** How many geometries are cached now (for tests). */
    int cachedGeometries() {
        synchronized (idle) {
            return idle.size();
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            idle.values().forEach(q -> q.forEach(s -> s.compositor.close()));
            idle.clear();
        }
    }
}
