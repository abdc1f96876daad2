package org.vidkompy.spatial;

/**
 * What each {@code precision} level spends. Every level runs the same pipeline (thumbnail ZNCC over
 * all sample pairs and a scale sweep, voting, Gauss-Newton refinement down a pyramid); the levels
 * differ only in how much of it they do:
 *
 * <table>
 * <caption>precision presets</caption>
 * <tr><th>level</th><th>fg × bg samples</th><th>thumbnail</th><th>scale step</th><th>clusters refined</th>
 *     <th>bg partners per fg sample refined</th><th>GN iterations per level</th><th>finest level</th></tr>
 * <tr><td>0</td><td>2 × 2</td><td>96 px</td><td>12 %</td><td>1</td><td>1</td><td>3</td><td>1/2 res</td></tr>
 * <tr><td>1</td><td>3 × 3</td><td>128 px</td><td>9 %</td><td>1</td><td>2</td><td>4</td><td>full</td></tr>
 * <tr><td>2</td><td>4 × 4</td><td>160 px</td><td>7 %</td><td>2</td><td>2</td><td>5</td><td>full</td></tr>
 * <tr><td>3</td><td>6 × 6</td><td>192 px</td><td>5 %</td><td>3</td><td>3</td><td>6</td><td>full</td></tr>
 * <tr><td>4</td><td>8 × 8</td><td>256 px</td><td>4 %</td><td>4</td><td>4</td><td>10</td><td>full</td></tr>
 * </table>
 *
 * <p>"Thumbnail" is the width of a 16:9 area equal to the bg thumbnail's area. Samples beyond the
 * cap are thinned evenly. More samples make the vote robust to unusable or non-corresponding frames;
 * a larger thumbnail and finer scale steps start the refinement closer to the answer; more candidates
 * guard against a wrong coarse winner; more bg partners per fg sample make it likelier that the pair
 * whose moments truly correspond is among those refined, and the same number of agreeing pairs is
 * refined jointly at the end, averaging their noise. Every level tests for the scale-1 shortcut the
 * same way (see {@link UnscaledPreference}).
 *
 * <p>Measured on a 1280x720 bg with a 640x360 fg, 4 + 4 samples offered, single thread, CPU time:
 * level 0/1/2/3/4 take about 40/100/140/125/170 ms with unscaled=true and a true scale of 1, and
 * 65/200/510/610/1310 ms for a full scale sweep (unscaled=false, true scale 1.25).
 *
 * @param thumbWidth  nominal bg thumbnail width for the FFT search
 * @param scaleStep   ratio between successive scales of the sweep
 * @param candidates  best vote clusters refined before the winner is chosen
 * @param pairs       bg partners per fg sample refined separately per cluster, and pairs refined
 *                    jointly at the end
 * @param iterations  Gauss-Newton iterations at most per pyramid level
 * @param finestLevel pyramid factor of the last refinement level (1 = full resolution)
 */
public record PrecisionPreset(int level, int fgSamples, int bgSamples, int thumbWidth, double scaleStep,
                              int candidates, int pairs, int iterations, double finestLevel) {

    public static final int MAX_LEVEL = 4;

    public static PrecisionPreset of(int level) {
        return switch (level) {
            case 0 -> new PrecisionPreset(0, 2, 2, 96, 1.12, 1, 1, 3, 2);
            case 1 -> new PrecisionPreset(1, 3, 3, 128, 1.09, 1, 2, 4, 1);
            case 2 -> new PrecisionPreset(2, 4, 4, 160, 1.07, 2, 2, 5, 1);
            case 3 -> new PrecisionPreset(3, 6, 6, 192, 1.05, 3, 3, 6, 1);
            case 4 -> new PrecisionPreset(4, 8, 8, 256, 1.04, 4, 4, 10, 1);
            default -> throw new IllegalArgumentException("precision must be 0.." + MAX_LEVEL + ": " + level);
        };
    }
}
