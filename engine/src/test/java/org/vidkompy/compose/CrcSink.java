package org.vidkompy.compose;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** Records a checksum and the timestamp of every composited frame, before any encoder sees it. */
final class CrcSink implements FrameSink {

    final List<Long> crcs = new ArrayList<>();
    final List<Long> pts = new ArrayList<>();
    long lastDuration;
    boolean finished;
    private final CRC32 crc = new CRC32();

    static long crc(byte[] rgb) {
        CRC32 c = new CRC32();
        c.update(rgb);
        return c.getValue();
    }

    @Override
    public void write(ByteBuffer rgb, long p) {
        crc.reset();
        crc.update(rgb.duplicate().clear());
        crcs.add(crc.getValue());
        pts.add(p);
    }

    @Override
    public void finish(long lastFrameDuration) {
        lastDuration = lastFrameDuration;
        finished = true;
    }

    @Override
    public void close() {
    }
}
