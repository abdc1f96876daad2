package org.vidkompy.ofx.effect;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.vidkompy.ofx.abi.OfxException;
import org.vidkompy.ofx.abi.OfxStatus;
import org.vidkompy.ofx.abi.Ofx;
import org.vidkompy.ofx.image.ImageView;
import org.vidkompy.ofx.image.PixelDepth;
import org.vidkompy.ofx.image.RectI;
import org.vidkompy.ofx.suite.HostSuites;
import org.vidkompy.ofx.suite.PropertySet;

/** An image fetched with {@code clipGetImage}, viewed in place; close releases it to the host. */
final class HostImage implements AutoCloseable, AnalysisSession.Frame {
    private final HostSuites suites;
    private final Pointer handle;
    private final ImageView view;
    private final double time;

    private HostImage(HostSuites suites, Pointer handle, ImageView view, double time) {
        this.suites = suites;
        this.handle = handle;
        this.view = view;
        this.time = time;
    }

    /** Fetches or throws {@link OfxException}. */
    static HostImage fetch(HostSuites s, Pointer clip, String clipName, double time) {
        HostImage image = fetchOrNull(s, clip, time);
        if (image == null) {
            throw new OfxException(OfxStatus.FAILED, "clipGetImage(" + clipName + ", " + time + ")");
        }
        return image;
    }

    /**
     * An input image, or null when the host has none for that time, or hands out an empty one (0x0,
     * possibly with NULL data: a region of interest outside the clip): the input is absent there.
     */
    static HostImage fetchInput(HostSuites s, Pointer clip, double time) {
        HostImage image = fetchOrNull(s, clip, time);
        if (image != null && image.view.bounds().isEmpty()) {
            image.close();
            return null;
        }
        return image;
    }

    /** Fetches, or returns null when the host has no image for that time. */
    static HostImage fetchOrNull(HostSuites s, Pointer clip, double time) {
        PointerByReference out = new PointerByReference();
        if (s.imageEffect().clipGetImage(clip, time, Pointer.NULL, out) != OfxStatus.OK || out.getValue() == null) {
            return null;
        }
        Pointer handle = out.getValue();
        try {
            PropertySet p = s.props(handle);
            String components = p.getString(Ofx.EFFECT_PROP_COMPONENTS);
            if (!Ofx.COMPONENT_RGBA.equals(components)) {
                throw new OfxException(OfxStatus.ERR_UNSUPPORTED, "image components " + components);
            }
            ImageView view = ImageView.wrap(p.getPointer(Ofx.IMAGE_PROP_DATA), RectI.of(p.getInts(Ofx.IMAGE_PROP_BOUNDS, 4)),
                    p.getInt(Ofx.IMAGE_PROP_ROW_BYTES, 0), PixelDepth.fromOfx(p.getString(Ofx.EFFECT_PROP_PIXEL_DEPTH)));
            return new HostImage(s, handle, view, time);
        } catch (RuntimeException e) {
            s.imageEffect().clipReleaseImage(handle);
            throw e;
        }
    }

    @Override
    public ImageView image() {
        return view;
    }

    @Override
    public double time() {
        return time;
    }

    @Override
    public void close() {
        suites.imageEffect().clipReleaseImage(handle);
    }
}
