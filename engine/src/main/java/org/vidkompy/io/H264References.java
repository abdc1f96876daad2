package org.vidkompy.io;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacpp.BytePointer;

/**
 * Whether an H.264 packet's picture is one other pictures are predicted from, read from its first
 * slice's NAL header ({@code nal_ref_idc}), without decoding: the frames a decoder told to skip
 * non-reference frames still decodes, each exactly as in a full decode.
 */
final class H264References {

    /** Bytes of a packet looked at for its first slice (SEI and parameter sets come first). */
    private static final int LOOK = 4096;
    private static final int SLICE = 1;
    private static final int IDR_SLICE = 5;

    /** Bytes of each NAL unit's length (MP4, Matroska); 0 for start codes (MPEG-TS, raw streams). */
    private final int lengthSize;
    private final byte[] head = new byte[LOOK];

    private H264References(int lengthSize) {
        this.lengthSize = lengthSize;
    }

    /** For an H.264 stream; null for any other codec. */
    static H264References of(AVCodecParameters par) {
        if (par.codec_id() != AV_CODEC_ID_H264) {
            return null;
        }
        BytePointer extra = par.extradata();
        int size = par.extradata_size();
        // An avcC record (version 1) says how long the NAL lengths are; without one, start codes.
        if (extra != null && !extra.isNull() && size >= 7 && extra.get(0) == 1) {
            return new H264References((extra.get(4) & 3) + 1);
        }
        return new H264References(0);
    }

    /** 1 where the packet's picture is a reference, 0 where not, -1 where its slices were not found. */
    int reference(AVPacket pkt) {
        BytePointer data = pkt.data();
        int size = pkt.size();
        if (data == null || data.isNull() || size <= 0) {
            return -1;
        }
        int n = Math.min(size, LOOK);
        data.position(0).get(head, 0, n);
        return lengthSize > 0 ? byLength(n) : byStartCode(n);
    }

    private int byLength(int n) {
        int pos = 0;
        while (pos + lengthSize < n) {
            long len = 0;
            for (int k = 0; k < lengthSize; k++) {
                len = (len << 8) | (head[pos + k] & 0xff);
            }
            int header = head[pos + lengthSize] & 0xff;
            int verdict = slice(header);
            if (verdict >= 0) {
                return verdict;
            }
            pos = (int) Math.min(n, pos + lengthSize + len);
        }
        return -1;
    }

    private int byStartCode(int n) {
        for (int pos = 0; pos + 3 < n; pos++) {
            if (head[pos] == 0 && head[pos + 1] == 0 && head[pos + 2] == 1) {
                int verdict = slice(head[pos + 3] & 0xff);
                if (verdict >= 0) {
                    return verdict;
                }
                pos += 2;
            }
        }
        return -1;
    }

    /** For a slice's NAL header, whether it is a reference; -1 for any other NAL unit. */
    private static int slice(int header) {
        int type = header & 0x1f;
        if (type != SLICE && type != IDR_SLICE) {
            return -1;
        }
        return (header >> 5 & 3) != 0 ? 1 : 0;
    }
}
