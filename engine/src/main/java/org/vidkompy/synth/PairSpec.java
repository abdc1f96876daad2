package org.vidkompy.synth;

import org.vidkompy.io.Rational;

/**
 * Everything that defines a generated fg/bg pair, and therefore its truth.
 *
 * @param seed       scene seed
 * @param bgWidth    background size
 * @param bgFps      background frame rate
 * @param bgFrames   background length in frames
 * @param staticFrom first bg frame of a stretch where the scene stands still, -1 for none
 * @param fgWidth    foreground size (including letterbox bars)
 * @param x          top-left of the fg frame in bg pixels (sub-pixel allowed)
 * @param scale      fg→bg factor: the fg covers {@code fgWidth*scale} bg pixels
 * @param fgFps      foreground frame rate
 * @param map        bg frame under every fg frame (defines the fg length)
 * @param gain       fg grade: out = in*gain + bias
 * @param noise      sigma of Gaussian noise added to the fg, in 8-bit levels
 * @param barX       letterbox/pillarbox: black columns on each side of the fg
 * @param barY       black rows at the top and the bottom of the fg
 * @param fadeFrames the fg fades in from black over its first frames
 * @param crf        x264 crf for both files
 * @param bgAudio    give the bg a generated audio track
 * @param fgAudio    give the fg a generated audio track
 * @param grade      non-linear grade of the fg, applied before gain/bias ({@link Grade#NONE} for none)
 * @param times      explicit per-frame fg timestamps (variable frame rate), or null for {@code j / fgFps}
 * @param still      a still scene: nothing moves in it but the camera ({@link Scene})
 * @param holdCreep  scene time per bg frame across the static stretch: 0 holds it still; a little more
 *                   makes a near-still hold (a title card fading, a slide with a blinking cursor), its
 *                   frames apart by less than an fg's coding noise but each its own moment
 */
public record PairSpec(
        long seed,
        int bgWidth, int bgHeight, Rational bgFps, int bgFrames, int staticFrom, int staticTo,
        int fgWidth, int fgHeight, double x, double y, double scale, Rational fgFps, int[] map,
        double gain, double bias, double noise, int barX, int barY, int fadeFrames,
        int crf, boolean bgAudio, boolean fgAudio, Grade grade, FgTimes times, boolean still, double holdCreep) {

    public PairSpec {
        if (map.length == 0) {
            throw new IllegalArgumentException("the fg needs at least one frame");
        }
        for (int v : map) {
            if (v < 0 || v >= bgFrames) {
                throw new IllegalArgumentException("map entry " + v + " outside the bg's " + bgFrames + " frames");
            }
        }
        if (grade == null) {
            grade = Grade.NONE;
        }
        if (times != null && times.pts().length != map.length) {
            throw new IllegalArgumentException(times.pts().length + " fg timestamps for " + map.length + " frames");
        }
    }

    /** A spec without a non-linear grade and with constant-rate fg timestamps. */
    public PairSpec(long seed,
            int bgWidth, int bgHeight, Rational bgFps, int bgFrames, int staticFrom, int staticTo,
            int fgWidth, int fgHeight, double x, double y, double scale, Rational fgFps, int[] map,
            double gain, double bias, double noise, int barX, int barY, int fadeFrames,
            int crf, boolean bgAudio, boolean fgAudio) {
        this(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight, x, y, scale, fgFps,
                map, gain, bias, noise, barX, barY, fadeFrames, crf, bgAudio, fgAudio, Grade.NONE, null, false, 0);
    }

    /**
     * The CI default: a 320x180 25 fps bg of 8 s, and a 160x90 fg at (83.4, 47.7) starting 1.2 s in,
     * both with audio.
     */
    public static PairSpec demo() {
        Rational fps = new Rational(25, 1);
        return new PairSpec(7, 320, 180, fps, 200, -1, -1, 160, 90, 83.4, 47.7, 1.0, fps,
                TimeMaps.linear(150, 30, 1.0), 1.0, 0.0, 0.0, 0, 0, 0, 18, true, true);
    }

    public int fgFrames() {
        return map.length;
    }

    public Viewport contentViewport() {
        return new Viewport(x + barX * scale, y + barY * scale, scale, fgWidth - 2 * barX, fgHeight - 2 * barY);
    }

    /** Another constant-rate timing (explicit timestamps, if any, are dropped). */
    public PairSpec withMap(Rational newFgFps, int[] newMap) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight,
                x, y, scale, newFgFps, newMap, gain, bias, noise, barX, barY, fadeFrames, crf, bgAudio, fgAudio, grade,
                null, still, holdCreep);
    }

    public PairSpec withGeometry(int w, int h, double nx, double ny, double s) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, w, h, nx, ny, s,
                fgFps, map, gain, bias, noise, barX, barY, fadeFrames, crf, bgAudio, fgAudio, grade, times, still,
                holdCreep);
    }

    public PairSpec withBackground(int w, int h, int frames) {
        return new PairSpec(seed, w, h, bgFps, frames, staticFrom, staticTo, fgWidth, fgHeight, x, y, scale,
                fgFps, map, gain, bias, noise, barX, barY, fadeFrames, crf, bgAudio, fgAudio, grade, times, still,
                holdCreep);
    }

    public PairSpec withStatic(int from, int to) {
        return withHold(from, to, holdCreep);
    }

    /** A near-still hold over bg frames {@code from..to}: scene time creeps on by {@code creep} a frame. */
    public PairSpec withHold(int from, int to, double creep) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, from, to, fgWidth, fgHeight, x, y, scale,
                fgFps, map, gain, bias, noise, barX, barY, fadeFrames, crf, bgAudio, fgAudio, grade, times, still,
                creep);
    }

    public PairSpec withGrade(double g, double b, double sigma) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight,
                x, y, scale, fgFps, map, g, b, sigma, barX, barY, fadeFrames, crf, bgAudio, fgAudio, grade,
                times, still, holdCreep);
    }

    public PairSpec withBars(int bx, int by) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight,
                x, y, scale, fgFps, map, gain, bias, noise, bx, by, fadeFrames, crf, bgAudio, fgAudio, grade,
                times, still, holdCreep);
    }

    public PairSpec withFade(int frames) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight,
                x, y, scale, fgFps, map, gain, bias, noise, barX, barY, frames, crf, bgAudio, fgAudio, grade,
                times, still, holdCreep);
    }

    public PairSpec withCrf(int c) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight,
                x, y, scale, fgFps, map, gain, bias, noise, barX, barY, fadeFrames, c, bgAudio, fgAudio, grade,
                times, still, holdCreep);
    }

    /** A non-linear grade of the fg (gamma, saturation, tint, contrast, blur/sharpen). */
    public PairSpec withLook(Grade g) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight,
                x, y, scale, fgFps, map, gain, bias, noise, barX, barY, fadeFrames, crf, bgAudio, fgAudio, g,
                times, still, holdCreep);
    }

    /**
     * A variable-frame-rate fg: explicit timestamps with the map that goes with them; {@code nominal}
     * is the rate the fg file declares.
     */
    public PairSpec withTimes(Rational nominal, FgTimes t, int[] newMap) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight,
                x, y, scale, nominal, newMap, gain, bias, noise, barX, barY, fadeFrames, crf, bgAudio, fgAudio, grade,
                t, still, holdCreep);
    }

    /** A spec at another bg frame rate (the map is kept as it is). */
    public PairSpec withBgFps(Rational fps, int frames) {
        return new PairSpec(seed, bgWidth, bgHeight, fps, frames, staticFrom, staticTo, fgWidth, fgHeight, x, y,
                scale, fgFps, map, gain, bias, noise, barX, barY, fadeFrames, crf, bgAudio, fgAudio, grade,
                times, still, holdCreep);
    }

    /** The same pair in a still scene: nothing moves but the camera, as over a landscape. */
    public PairSpec withStillScene() {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight,
                x, y, scale, fgFps, map, gain, bias, noise, barX, barY, fadeFrames, crf, bgAudio, fgAudio, grade, times,
                true, holdCreep);
    }

    public PairSpec withAudio(boolean bg, boolean fg) {
        return new PairSpec(seed, bgWidth, bgHeight, bgFps, bgFrames, staticFrom, staticTo, fgWidth, fgHeight,
                x, y, scale, fgFps, map, gain, bias, noise, barX, barY, fadeFrames, crf, bg, fg, grade, times, still,
                holdCreep);
    }
}
