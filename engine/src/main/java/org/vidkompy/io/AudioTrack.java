package org.vidkompy.io;

/** Audio written beside the video, fed in step with it so the file is properly interleaved. */
interface AudioTrack extends AutoCloseable {

    /** Writes the audio that plays before {@code seconds} of the output. */
    void pumpUntil(double seconds);

    /** Writes the rest up to {@code endSeconds} (the end of the video) and drops what follows. */
    void finish(double endSeconds);

    @Override
    void close();

    static AudioTrack open(Mp4Muxer muxer, AudioSource source) {
        Demuxer in = Demuxer.open(source.file());
        try {
            if (in.audioStreamIndex() < 0) {
                throw new MediaException(source.file(), "has no audio stream");
            }
            int codecId = in.audioStream().codecpar().codec_id();
            return muxer.canCopyAudio(codecId) ? new CopiedAudio(muxer, in, source.startSeconds())
                    : new TranscodedAudio(muxer, in, source.startSeconds());
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
