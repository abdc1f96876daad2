package org.vidkompy.testkit;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * An fg with a stretch of frames cut into it, as an editor lays a black slug, a white flash, a fade to
 * black and back or a slate over a clip: frames {@code from..to-1} become one flat level (or, with
 * {@link #card()}, a test card the bg never shows), and with a fade the {@code fade} frames before and
 * after it dim towards that level. The frames are rewritten in place of those the clip had, so the
 * spec's map decides what the bg did meanwhile (held where the map holds, run on where it runs on).
 *
 * @param level the slug's level, or {@link #CARD} for a test card
 */
public record Slug(int from, int to, int level, int fade) {

    public static final int CARD = -1;

    public static Slug black(int from, int to) {
        return new Slug(from, to, 0, 0);
    }

    public Slug fading(int frames) {
        return new Slug(from, to, level, frames);
    }

    public Slug at(int newLevel) {
        return new Slug(from, to, newLevel, fade);
    }

    /** Bars and a checkerboard instead of a flat level: a picture, found nowhere in the bg. */
    public Slug card() {
        return new Slug(from, to, CARD, fade);
    }

    /** Whether fg frame {@code i} is flat (it shows no picture, so no bg frame is right or wrong for it). */
    public boolean covers(int i) {
        return i >= from && i < to;
    }

    private int levelAt(int x, int y, int c, int w) {
        if (level != CARD) {
            return level;
        }
        if (y < 12) {
            return (x * 8 / w) % 2 == 0 ? 235 : 16 + 60 * c;
        }
        return ((x / 10 + y / 10) % 2 == 0 ? 200 : 40) - 30 * c;
    }

    /** The fg {@code in} (w x h) with the slug, written to {@code out}. */
    public Path write(Path in, Path out, int w, int h) {
        int[] frame = {0};
        return Reencode.at(w, h).write(in, out, (read, px) -> {
            int i = frame[0]++;
            int away = i < from ? from - i : i - to + 1;
            double keep = covers(i) ? 0 : Math.min(1, away / (double) (fade + 1));
            for (int k = 0; k < w * h * 3; k++) {
                double v = (read.get(k) & 0xff) * keep + levelAt(k / 3 % w, k / 3 / w, k % 3, w) * (1 - keep);
                px.put(k, (byte) Math.round(v));
            }
        });
    }
}
