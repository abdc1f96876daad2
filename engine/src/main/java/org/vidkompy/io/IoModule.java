package org.vidkompy.io;

import com.google.inject.AbstractModule;

/** Video I/O through FFmpeg. Everything here is stateless or opened per file, so no scopes are needed. */
public final class IoModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(VideoProbe.class);
    }
}
