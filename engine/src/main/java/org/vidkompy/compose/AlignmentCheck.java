package org.vidkompy.compose;

import org.vidkompy.media.Placement;
import org.vidkompy.media.Clip;
import java.nio.file.Path;
import org.vidkompy.media.Alignment;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.MediaClip;

/**
 * Checks, before any frame is decoded, that a sidecar fits the files it is applied to: a sidecar
 * made for other files (or edited by hand) should fail with a sentence, not with a crash or a
 * wrong picture halfway through.
 */
public final class AlignmentCheck {

    private AlignmentCheck() {
    }

    /**
     * @param source the sidecar file, named in the messages (may be null)
     * @throws MediaException naming the sidecar and the mismatch
     */
    public static void validate(Alignment a, MediaClip bg, MediaClip fg, Path source) {
        Path where = source != null ? source : Path.of("alignment");
        sameSize("background", a.background(), bg, where);
        sameSize("foreground", a.foreground(), fg, where);
        Placement p = a.spatial();
        if (!Placement.usableScale(p.scale()) || !Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
            throw new MediaException(where, "the placement is not usable (x=" + p.x() + " y=" + p.y() + " scale="
                    + p.scale() + "; the scale must be within 1/64..64)");
        }
        OverlayGeometry g = new OverlayGeometry(bg.width(), bg.height(), fg.width(), fg.height(), p.x(), p.y(),
                p.scale());
        if (!g.visible()) {
            throw new MediaException(where, String.format("the fg (%.1f, %.1f, %.1f x %.1f) lies entirely outside"
                    + " the %dx%d bg", p.x(), p.y(), fg.width() * p.scale(), fg.height() * p.scale(), bg.width(),
                    bg.height()));
        }
        int[] map = a.temporal().map();
        if (map.length != fg.frameCount()) {
            throw new MediaException(where, "maps " + map.length + " fg frames, but " + fg.path() + " has "
                    + fg.frameCount());
        }
        for (int i = 0; i < map.length; i++) {
            if (map[i] < 0 || map[i] >= bg.frameCount()) {
                throw new MediaException(where, "puts bg frame " + map[i] + " under fg frame " + i + ", but "
                        + bg.path() + " has frames 0.." + (bg.frameCount() - 1));
            }
        }
    }

    private static void sameSize(String role, Clip clip, MediaClip v, Path where) {
        if (clip.width() != v.width() || clip.height() != v.height()) {
            throw new MediaException(where, "was made for a " + clip.width() + "x" + clip.height() + " " + role
                    + ", but " + v.path() + " is " + v.width() + "x" + v.height());
        }
    }
}
