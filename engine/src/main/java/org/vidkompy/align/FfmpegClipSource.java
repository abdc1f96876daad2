package org.vidkompy.align;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vidkompy.image.LumaImage;
import org.vidkompy.image.Plane;
import org.vidkompy.io.CropRect;
import org.vidkompy.io.FrameFormat;
import org.vidkompy.io.FrameReader;
import org.vidkompy.io.PixelLayout;
import org.vidkompy.io.ReaderOptions;
import org.vidkompy.io.VideoInfo;

/** A video file (or a still image) as an analysis {@link ClipSource}. */
public final class FfmpegClipSource implements ClipSource {

    /**
     * A sample is taken at its planned time when the key frame before it is at most this many
     * frames earlier; otherwise this many frames after the key frame. That bounds the cost of
     * sampling to {@code count × SAMPLE_DECODE_CAP} decoded frames even for files with key frames
     * ten seconds apart, while typical camera and screen footage (key frames every 1-2 s) gets its
     * samples where planned.
     */
    static final int SAMPLE_DECODE_CAP = 30;

    private final VideoInfo video;

    public FfmpegClipSource(VideoInfo video) {
        this.video = video;
    }

    public Path path() {
        return video.path();
    }

    @Override
    public ClipInfo info() {
        return new ClipInfo(video.path().toString(), video.width(), video.height(), video.fps(), video.frameCount());
    }

    @Override
    public List<LumaImage> samples(int count) {
        int w = video.width();
        int h = video.height();
        List<LumaImage> out = new ArrayList<>();
        double duration = video.duration();
        double frame = 1.0 / Math.max(1, video.fps());
        try (FrameReader r = FrameReader.open(video.path(), ReaderOptions.of(FrameFormat.of(PixelLayout.GRAY8, w, h)))) {
            if (video.frameCount() <= 1) {
                // A still image: its one picture is the sample.
                if (r.next()) {
                    out.add(copy(r, false));
                }
                return out;
            }
            double lastTaken = -1;
            for (int k = 0; k < count; k++) {
                double t = (k + 0.5) / count * duration;
                r.seek(t);
                int decoded = 0;
                boolean have = false;
                while (r.skip()) {
                    have = true;
                    if (r.timestamp() >= t - frame / 2 || ++decoded >= SAMPLE_DECODE_CAP) {
                        break;
                    }
                }
                if (!have || r.timestamp() <= lastTaken) {
                    continue;
                }
                lastTaken = r.timestamp();
                r.convertCurrent();
                out.add(copy(r, false));
            }
        }
        return out;
    }

    private static LumaImage copy(FrameReader r, boolean onDemand) {
        var buf = onDemand ? r.onDemand(0) : r.output(0);
        byte[] px = new byte[buf.width() * buf.height()];
        buf.copyTo(px);
        return new LumaImage(buf.width(), buf.height(), px);
    }

    @Override
    public void scan(CropRect region, List<ThumbSize> sizes, FrameVisitor visitor) {
        List<FrameFormat> formats = new ArrayList<>();
        Plane[] planes = new Plane[sizes.size()];
        for (int i = 0; i < sizes.size(); i++) {
            ThumbSize s = sizes.get(i);
            formats.add(new FrameFormat(PixelLayout.GRAY8, s.width(), s.height(), region));
            planes[i] = Plane.allocate(s.width(), s.height());
        }
        // Deblocking is invisible at thumbnail size and costs about a quarter of the decode; whole
        // frames captured for the final spatial refinement are few and converted only on request.
        ReaderOptions opts = new ReaderOptions(formats, 0, true)
                .withOnDemand(FrameFormat.of(PixelLayout.GRAY8, video.width(), video.height()));
        try (FrameReader r = FrameReader.open(video.path(), opts)) {
            Capture whole = () -> copy(r, true);
            while (r.next()) {
                for (int i = 0; i < planes.length; i++) {
                    r.output(i).toPlane(planes[i]);
                }
                visitor.frame(r.index(), r.timestamp(), planes, whole);
            }
        }
    }

    @Override
    public void close() {
        // Readers are opened per call and closed there.
    }
}
