package org.vidkompy.cli;

/**
 * Range checks for numeric options. picocli parses "NaN" and "Infinity" as doubles, and an int
 * option takes any int; a value no video can have would otherwise travel into the analysis and fail
 * there (or run out of memory) instead of being a usage error naming the option.
 */
final class OptionValues {
    private OptionValues() {
    }

    static double finite(String option, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new UsageException(option + " must be a number from " + plain(min) + " to " + plain(max) + ", got "
                    + plain(v));
        }
        return v;
    }

    static int whole(String option, int v, int min, int max) {
        if (v < min || v > max) {
            throw new UsageException(option + " must be " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
