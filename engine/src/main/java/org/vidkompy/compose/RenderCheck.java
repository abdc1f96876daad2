package org.vidkompy.compose;

import java.nio.ByteBuffer;
import org.vidkompy.io.PixelLayout;

/**
 * Looks at every pair of frames a render puts together, before the fg is drawn over the bg, and may
 * refuse the render: {@code comp} renders a time map found on a few seconds of the clips and lets the
 * render's own decode show whether it holds for every frame (the analysis would have decoded both
 * clips once more to find out). A refusal stops the render before the output is published.
 */
public interface RenderCheck {

    /** Looks at nothing, refuses nothing. */
    RenderCheck NONE = new RenderCheck() {
        @Override
        public void pair(int fgIndex, byte[] fg, int bgIndex, ByteBuffer bg) {
        }

        @Override
        public void finish() {
        }
    };

    /** Before the first pair: the layout every frame will come in. */
    default void begin(PixelLayout layout, int fgWidth, int fgHeight, int bgWidth, int bgHeight) {
    }

    /**
     * fg frame {@code fgIndex} and the bg frame under it, both whole, in the render's layout (YUV 4:2:0:
     * the luma plane first). Called in fg order, on one thread.
     *
     * @throws Refused where what the pictures show already rules the render out
     */
    void pair(int fgIndex, byte[] fg, int bgIndex, ByteBuffer bg);

    /**
     * After the last pair, before the output is published.
     *
     * @throws Refused where the render must not be published
     */
    void finish();

    /** A render that is not what the job needs: nothing of it is published. */
    final class Refused extends RuntimeException {
        private final int fgFrame;

        /**
         * @param fgFrame the first fg frame found wrong, or -1 where the clip as a whole decided
         * @param why     one line, for the user
         */
        public Refused(int fgFrame, String why) {
            super(why, null, false, false);
            this.fgFrame = fgFrame;
        }

        public int fgFrame() {
            return fgFrame;
        }
    }
}
