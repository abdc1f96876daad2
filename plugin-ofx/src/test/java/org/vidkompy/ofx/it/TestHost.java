package org.vidkompy.ofx.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Runs native's {@code ofxtesthost} against the assembled bundle and reads what it logged and wrote. */
final class TestHost {
    static final Path BUNDLE = Path.of(System.getProperty("ofx.bundle", "target/VidkompyAlign.ofx.bundle"));
    static final Path EXECUTABLE = Path.of(System.getProperty("ofx.testhost", "../native/target/cmake/ofxtesthost"));
    static final Path WORK = Path.of(System.getProperty("ofx.workdir", "target/it-work"));

    private TestHost() {
    }

    /** {@code first} followed by {@code more}: host arguments built from a shared start. */
    static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    record Run(int exitCode, List<String> log, String stderr, Path out) {
        /** The session ended normally: no failure, no leaked image, no host-flagged misuse. */
        void assertDone() {
            org.junit.jupiter.api.Assertions.assertEquals(0, exitCode, this::dump);
            org.junit.jupiter.api.Assertions.assertTrue(has("DONE"), this::dump);
            org.junit.jupiter.api.Assertions.assertTrue(has("LIVE_IMAGES count=0"), () -> "images leaked\n" + dump());
            org.junit.jupiter.api.Assertions.assertTrue(lines("PROPERTY_ERROR").isEmpty(), this::dump);
            org.junit.jupiter.api.Assertions.assertTrue(lines("PARAM_SET_IN_RENDER").isEmpty(), this::dump);
        }

        List<String> lines(String prefix) {
            return log.stream().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
        }

        boolean has(String line) {
            return log.contains(line);
        }

        /** Value of "key=value" in the first line starting with prefix. */
        String field(String prefix, String key) {
            for (String l : lines(prefix)) {
                Matcher m = Pattern.compile("(?:^| )" + Pattern.quote(key) + "=(\\S*)").matcher(l);
                if (m.find()) {
                    return m.group(1);
                }
            }
            throw new AssertionError("no " + key + " in a line starting with '" + prefix + "'\n" + String.join("\n", log));
        }

        /** Final value the host dumped for a parameter (strings have \n escaped). */
        String param(String name) {
            String prefix = "PARAM name=" + name + " value=";
            for (String l : log) {
                if (l.startsWith(prefix)) {
                    return l.substring(prefix.length(), l.lastIndexOf(" keys="));
                }
            }
            throw new AssertionError("parameter " + name + " not dumped");
        }

        String dump() {
            return "exit " + exitCode + "\n--- log\n" + String.join("\n", log) + "\n--- stderr\n" + stderr;
        }
    }

    static Run run(String name, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path dir = WORK.resolve(name);
        Files.createDirectories(dir);
        Path log = dir.resolve("host.log");
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--bundle", BUNDLE.toString(),
                "--log", log.toString(), "--out", out.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        // libjvm: the bundle's runtime if present, else this JVM (not whatever the machine defaults to)
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove(AlignDebug.ENV);
        pb.environment().putAll(env);
        Path stderr = dir.resolve("stderr.txt");
        pb.redirectError(stderr.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ofxtesthost timed out: " + command);
        }
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return new Run(p.exitValue(), lines, Files.readString(stderr), out);
    }

    static Run run(String name, String... args) throws IOException, InterruptedException {
        return run(name, Map.of(), args);
    }

    /** An output frame as the host wrote it: top row first, packed RGBA. */
    record Frame(int width, int height, boolean isFloat, ByteBuffer data) {
        static Frame read(Run run, int time, int width, int height) throws IOException {
            byte[] bytes = Files.readAllBytes(run.out().resolve(String.format("out_%05d.rgba", time)));
            boolean isFloat = bytes.length == width * height * 16;
            if (!isFloat && bytes.length != width * height * 4) {
                throw new AssertionError("unexpected output size " + bytes.length + " for " + width + "x" + height);
            }
            return new Frame(width, height, isFloat, ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
        }

        /** Component c of pixel (x, yDown) on the 0..255 scale. */
        double get(int x, int yDown, int c) {
            int i = (yDown * width + x) * 4 + c;
            return isFloat ? data.getFloat(i * 4) * 255.0 : data.get(i) & 0xff;
        }
    }

    static final class AlignDebug {
        static final String ENV = "VIDKOMPY_OFX_DEBUG_THROW";
    }
}
