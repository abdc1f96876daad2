package org.vidkompy.compose;

import java.nio.file.Path;
import org.vidkompy.align.AlignmentFile;
import org.vidkompy.io.MediaException;
import org.vidkompy.io.VideoProbe;

/** A render in a process of its own, for failures that must be staged outside the test JVM (file size limits). */
public final class RenderChild {

    private RenderChild() {
    }

    public static void main(String[] args) {
        Path bg = Path.of(args[0]);
        Path fg = Path.of(args[1]);
        Path align = Path.of(args[2]);
        Path out = Path.of(args[3]);
        try {
            new Renderer(new VideoProbe()).render(bg, fg, AlignmentFile.read(align), align,
                    RenderOptions.to(out).withQuality(18, "ultrafast"), RenderListener.NONE);
            System.out.println("rendered " + out);
        } catch (MediaException e) {
            System.err.println("vidkompy: " + e.getMessage());
            System.exit(1);
        }
    }
}
