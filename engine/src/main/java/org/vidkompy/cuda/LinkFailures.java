package org.vidkompy.cuda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the linkage errors of loading Bytedeco's CUDA JNI libraries into the reason a user can act on.
 * JavaCPP reports "no jnicudart in java.library.path" and hides the real cause ("libcuda.so.1: cannot
 * open shared object file") in the cause chain. Later attempts in the same process only say "Could not
 * initialize class", without the library's name, which JavaCPP does not keep: said as such.
 */
final class LinkFailures {

    private static final Pattern MISSING = Pattern.compile("(lib[A-Za-z0-9_+-]+\\.so(?:\\.[0-9]+)*): cannot open shared object file");

    private LinkFailures() {
    }

    static String explain(Throwable t) {
        String missing = null;
        for (Throwable c = t; c != null && missing == null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            Matcher x = MISSING.matcher(m);
            if (x.find()) {
                missing = x.group(1);
            }
        }
        if (missing == null) {
            if (t instanceof NoClassDefFoundError && String.valueOf(t.getMessage()).contains("org.bytedeco.cuda")) {
                return "CUDA libraries not loadable (loading them failed earlier in this process)";
            }
            return "CUDA libraries not loadable (" + firstLine(t) + ")";
        }
        if (missing.startsWith("libcuda.so")) {
            return "no CUDA driver (" + missing + " not found)";
        }
        return "CUDA runtime library " + missing + " not found (install the CUDA 13 toolkit libraries or add "
                + "org.bytedeco:cuda with classifier linux-x86_64-redist)";
    }

    private static String firstLine(Throwable t) {
        String m = t.getClass().getSimpleName() + ": " + t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
