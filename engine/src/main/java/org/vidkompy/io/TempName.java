package org.vidkompy.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden name an output is written under before it is published:
 * {@code .NAME.vidkompy-PID-RANDOM.part} in the output's own folder, so the final rename never
 * crosses a file system. The PID lets a later run recognise a file left by a run that was killed
 * ({@code kill -9}, power loss) and remove it. NAME is shortened (at a character boundary) so the
 * whole name stays within the 255-byte limit of common file systems whenever the output's own
 * name does.
 */
final class TempName {

    static final int NAME_MAX = 255;
    private static final String TAG = ".vidkompy-";
    private static final String SUFFIX = ".part";
    /** "." + TAG + the longest PID (19 digits) + "-" + 8 hex digits + SUFFIX. */
    private static final int OVERHEAD = 1 + TAG.length() + 19 + 1 + 8 + SUFFIX.length();
    private static final Pattern OURS = Pattern.compile("\\.vidkompy-(\\d{1,19})-[0-9a-f]{8}\\.part");

    private TempName() {
    }

    /** A fresh temporary name for {@code target}, for the process {@code pid}. */
    static Path next(Path target, long pid) {
        int random = ThreadLocalRandom.current().nextInt();
        return target.resolveSibling(prefix(target) + pid + "-" + String.format("%08x", random) + SUFFIX);
    }

    /** What every temporary name of {@code target} starts with. */
    static String prefix(Path target) {
        return "." + shortened(target.getFileName().toString(), NAME_MAX - OVERHEAD) + TAG;
    }

    /** The PID in a temporary name of {@code target}, if {@code name} is one. */
    static OptionalLong ownerOf(Path target, String name) {
        String prefix = prefix(target);
        if (!name.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        Matcher m = OURS.matcher(name.substring(prefix.length() - TAG.length()));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String shortened(String name, int maxBytes) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxBytes) {
            return name;
        }
        int end = name.length();
        while (end > 0 && name.substring(0, end).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(0, end);
    }
}
