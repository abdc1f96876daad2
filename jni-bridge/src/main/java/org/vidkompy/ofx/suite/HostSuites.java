package org.vidkompy.ofx.suite;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.vidkompy.ofx.abi.NativeStrings;
import org.vidkompy.ofx.abi.Ofx;

/**
 * The suites fetched from one {@code OfxHost} (16 bytes: {@code host} property set at 0,
 * {@code fetchSuite} at 8). Property, image effect and parameter suites are required; the others
 * are null when the host lacks them. Valid from Load to Unload.
 */
public record HostSuites(
        Pointer hostProperties,
        PropertySuite property,
        ImageEffectSuite imageEffect,
        ParameterSuite parameter,
        MemorySuite memory,
        MessageSuite message,
        ProgressSuite progress,
        MultiThreadSuite multiThread,
        TimeLineSuite timeLine) {

    public static HostSuites fetch(Pointer ofxHost) {
        Pointer hostProps = ofxHost.getPointer(0);
        Function fetchSuite = Function.getFunction(ofxHost.getPointer(Native.POINTER_SIZE));
        Fetcher f = (name, version) -> (Pointer) fetchSuite.invoke(Pointer.class,
                new Object[] {hostProps, NativeStrings.of(name), version});

        Pointer property = f.fetch(Ofx.SUITE_PROPERTY, 1);
        Pointer imageEffect = f.fetch(Ofx.SUITE_IMAGE_EFFECT, 1);
        Pointer parameter = f.fetch(Ofx.SUITE_PARAMETER, 1);
        if (property == null || imageEffect == null || parameter == null) {
            throw new MissingSuiteException("host lacks the property, image effect or parameter suite (version 1)");
        }
        Pointer memory = f.fetch(Ofx.SUITE_MEMORY, 1);
        int messageVersion = 2;
        Pointer message = f.fetch(Ofx.SUITE_MESSAGE, 2);
        if (message == null) {
            messageVersion = 1;
            message = f.fetch(Ofx.SUITE_MESSAGE, 1);
        }
        int progressVersion = 2;
        Pointer progress = f.fetch(Ofx.SUITE_PROGRESS, 2);
        if (progress == null) {
            progressVersion = 1;
            progress = f.fetch(Ofx.SUITE_PROGRESS, 1);
        }
        Pointer multiThread = f.fetch(Ofx.SUITE_MULTI_THREAD, 1);
        Pointer timeLine = f.fetch(Ofx.SUITE_TIME_LINE, 1);
        return new HostSuites(hostProps,
                new PropertySuite(property),
                new ImageEffectSuite(imageEffect),
                new ParameterSuite(parameter),
                memory == null ? null : new MemorySuite(memory),
                message == null ? null : new MessageSuite(message, messageVersion),
                progress == null ? null : new ProgressSuite(progress, progressVersion),
                multiThread == null ? null : new MultiThreadSuite(multiThread),
                timeLine == null ? null : new TimeLineSuite(timeLine));
    }

    public PropertySet props(Pointer handle) {
        return new PropertySet(property, handle);
    }

    @FunctionalInterface
    private interface Fetcher {
        Pointer fetch(String name, int version);
    }

    /** The host cannot run this plugin. */
    public static final class MissingSuiteException extends RuntimeException {
        public MissingSuiteException(String message) {
            super(message);
        }
    }
}
