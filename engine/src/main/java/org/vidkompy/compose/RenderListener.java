package org.vidkompy.compose;

/** Told about progress, from the encoding thread, after every written frame. */
@FunctionalInterface
public interface RenderListener {

    RenderListener NONE = (done, total) -> { };

    void framesWritten(int done, int total);
}
