package org.vidkompy.ofx;

import com.sun.jna.Pointer;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.vidkompy.ofx.abi.Ofx;
import org.vidkompy.ofx.abi.OfxStatus;
import org.vidkompy.ofx.effect.AlignEffect;
import org.vidkompy.ofx.effect.AlignInstance;
import org.vidkompy.ofx.effect.BackgroundVideos;
import org.vidkompy.ofx.effect.OfxAnalyzer;
import org.vidkompy.ofx.effect.OfxRenderer;
import org.vidkompy.ofx.suite.HostSuites;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugin behind the shell: routes actions to the describe code or to the instance they name.
 * Suites are fetched on every Load (a host may Load, Unload and Load again in one process) and
 * dropped on Unload; instances are keyed by their effect handle. What the effect runs on (the
 * analyzer, a renderer per instance, the background videos) comes from {@link OfxModule}.
 */
public final class AlignPlugin {
    private final OfxAnalyzer analyzer;
    private final Provider<OfxRenderer> renderers;
    private final BackgroundVideos files;
    private final String debugThrow = System.getenv(AlignInstance.DEBUG_THROW_ENV);
    private final ConcurrentHashMap<Long, AlignInstance> instances = new ConcurrentHashMap<>();
    private volatile Pointer host;
    private volatile HostSuites suites;

    @Inject
    public AlignPlugin(OfxAnalyzer analyzer, Provider<OfxRenderer> renderers, BackgroundVideos files) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.renderers = Objects.requireNonNull(renderers, "renderers");
        this.files = Objects.requireNonNull(files, "files");
    }

    void setHost(Pointer ofxHost) {
        this.host = ofxHost;
    }

    int dispatch(String action, Pointer handle, Pointer inArgs, Pointer outArgs) {
        switch (action) {
            case Ofx.ACTION_LOAD:
                return load();
            case Ofx.ACTION_UNLOAD:
                instances.values().forEach(AlignInstance::close);
                instances.clear();
                files.release();
                suites = null;
                return OfxStatus.OK;
            default:
                break;
        }
        HostSuites s = suites;
        if (s == null) {
            return OfxStatus.FAILED; // not loaded
        }
        switch (action) {
            case Ofx.ACTION_DESCRIBE:
                AlignEffect.describe(s, handle);
                return OfxStatus.OK;
            case Ofx.ACTION_DESCRIBE_IN_CONTEXT:
                AlignEffect.describeInContext(s, handle, s.props(inArgs).getString(Ofx.EFFECT_PROP_CONTEXT));
                return OfxStatus.OK;
            case Ofx.ACTION_CREATE_INSTANCE:
                // OK, not ReplyDefault: some hosts then stop sending change notifications.
                instances.put(Pointer.nativeValue(handle), new AlignInstance(s, handle, analyzer, renderers.get(), files,
                        debugThrow));
                return OfxStatus.OK;
            case Ofx.ACTION_DESTROY_INSTANCE:
                AlignInstance gone = instances.remove(Pointer.nativeValue(handle));
                if (gone != null) {
                    gone.close();
                }
                return OfxStatus.OK;
            default:
                AlignInstance instance = handle == null ? null : instances.get(Pointer.nativeValue(handle));
                return instance == null ? OfxStatus.ERR_BAD_HANDLE : instance.action(action, inArgs, outArgs);
        }
    }

    private int load() {
        Pointer h = host;
        if (h == null) {
            System.err.println("vidkompy-ofx: Load before setHost");
            return OfxStatus.FAILED;
        }
        try {
            suites = HostSuites.fetch(h);
            return OfxStatus.OK;
        } catch (HostSuites.MissingSuiteException e) {
            System.err.println("vidkompy-ofx: " + e.getMessage());
            return OfxStatus.ERR_MISSING_HOST_FEATURE;
        }
    }

    /** Tells the user (host message) and the log (stderr) that an action failed. Never throws. */
    void report(String action, Pointer handle, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        System.err.println("vidkompy-ofx: " + action + " failed: " + trace);
        try {
            HostSuites s = suites;
            if (s != null && s.message() != null) {
                boolean instance = handle != null && instances.containsKey(Pointer.nativeValue(handle));
                s.message().message(instance ? handle : Pointer.NULL, Ofx.MESSAGE_ERROR, "org.vidkompy.AlignOverlay",
                        "Align overlay: " + action + " failed: " + failure);
            }
        } catch (Throwable ignored) {
            // the message itself failed; the status still tells the host
        }
    }
}
