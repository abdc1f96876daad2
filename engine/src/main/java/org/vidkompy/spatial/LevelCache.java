package org.vidkompy.spatial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vidkompy.image.Plane;
import org.vidkompy.image.Resampler;

/**
 * Shrunk copies of the samples for the refinement pyramid, made on first use and kept for the rest of
 * one search, since several candidates and both the scale-1 and the scaled search visit the same levels.
 * Each level is shrunk from full resolution directly, so no error accumulates down the pyramid.
 */
final class LevelCache {

    private final List<Plane> fg;
    private final List<Plane> bg;
    private final List<Map<Double, Plane>> fgLevels = new ArrayList<>();
    private final List<Map<Double, Plane>> bgLevels = new ArrayList<>();

    /** Full-resolution pixels of blur the bg's coarser levels are made through (0: none). */
    private final double bgBlur;

    LevelCache(List<Plane> fgContents, List<Plane> bgSamples) {
        this(fgContents, bgSamples, 0);
    }

    /**
     * @param bgBlur the bg's coarser levels are shrunk from it blurred by this many pixels, without a
     *               blurred copy at full resolution (which the refiner resamples through the blur itself)
     */
    LevelCache(List<Plane> fgContents, List<Plane> bgSamples, double bgBlur) {
        this.fg = fgContents;
        this.bg = bgSamples;
        this.bgBlur = bgBlur;
        for (int i = 0; i < fg.size(); i++) {
            fgLevels.add(new HashMap<>());
        }
        for (int i = 0; i < bg.size(); i++) {
            bgLevels.add(new HashMap<>());
        }
    }

    Plane fg(int index, double factor) {
        return level(fg.get(index), fgLevels.get(index), factor, 0);
    }

    Plane bg(int index, double factor) {
        return level(bg.get(index), bgLevels.get(index), factor, bgBlur);
    }

    private static Plane level(Plane full, Map<Double, Plane> cache, double factor, double blur) {
        if (factor == 1) {
            return full;
        }
        return cache.computeIfAbsent(factor, f -> Resampler.shrink(full, f, blur));
    }
}
