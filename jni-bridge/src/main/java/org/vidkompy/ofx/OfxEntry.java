package org.vidkompy.ofx;

import com.google.inject.Guice;
import com.sun.jna.Pointer;
import org.vidkompy.ofx.abi.OfxStatus;

/**
 * The Java entry point the native shell ({@code VidkompyAlign.ofx}) calls through JNI.
 *
 * <p>Contract with the shell:
 * <ul>
 *   <li>{@link #setHost(long)} is called on every {@code OfxActionLoad}, before that action is
 *       dispatched, with the address of the host's {@code OfxHost} struct.</li>
 *   <li>{@link #dispatch(String, long, long, long)} is called once per action, on the host's thread
 *       (attached to the JVM on demand), with the action string and the raw {@code handle},
 *       {@code inArgs} and {@code outArgs} pointers (0 for NULL). It returns the {@code OfxStatus}.</li>
 *   <li>No exception escapes: any {@link Throwable} becomes {@code kOfxStatFailed} plus a host
 *       error message (and a stack trace on stderr).</li>
 * </ul>
 * The JVM lives for the rest of the process; Unload only drops the suites.
 *
 * <p>The plugin is made by Guice from {@link OfxModule} when the class is first used (the first
 * Load); the field below is the one static the entry point needs, since the shell calls static
 * methods.
 */
public final class OfxEntry {
    private static final AlignPlugin PLUGIN = Guice.createInjector(new OfxModule()).getInstance(AlignPlugin.class);

    private OfxEntry() {
    }

    public static void setHost(long ofxHost) {
        PLUGIN.setHost(ofxHost == 0 ? null : new Pointer(ofxHost));
    }

    public static int dispatch(String action, long handle, long inArgs, long outArgs) {
        Pointer h = pointer(handle);
        try {
            return PLUGIN.dispatch(action, h, pointer(inArgs), pointer(outArgs));
        } catch (Throwable failure) {
            PLUGIN.report(action, h, failure);
            return OfxStatus.FAILED;
        }
    }

    private static Pointer pointer(long address) {
        return address == 0 ? null : new Pointer(address);
    }
}
