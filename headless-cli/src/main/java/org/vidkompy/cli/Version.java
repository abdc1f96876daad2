package org.vidkompy.cli;

import picocli.CommandLine;

/** Version from the jar manifest, with the FFmpeg build that does the work. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {
            "vidkompy " + (v != null ? v : "(development build)"),
            "FFmpeg " + org.bytedeco.ffmpeg.global.avutil.av_version_info().getString()
                    + " (Bytedeco GPL build, libx264)",
            "Java " + System.getProperty("java.version")};
    }
}
