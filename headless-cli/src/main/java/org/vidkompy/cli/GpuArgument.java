package org.vidkompy.cli;

import org.vidkompy.cuda.GpuMode;

/**
 * Reads {@code --gpu} from the arguments before picocli parses them: the engine is built for one mode
 * ({@code new EngineModule(mode)}), and the injector has to exist first because Guice makes the
 * commands. Honours exactly the forms picocli accepts, {@code --gpu X} and {@code --gpu=X}, and stops
 * at {@code --}. Without the option, or with a value it cannot read, the mode is auto: picocli's parse
 * rejects a bad value (exit 2) before any command runs, so nothing is probed for it.
 */
final class GpuArgument {

    private static final String NAME = "--gpu";

    private GpuArgument() {
    }

    static GpuMode of(String[] args) {
        String value = null;
        for (int i = 0; i < args.length && !"--".equals(args[i]); i++) {
            if (NAME.equals(args[i]) && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith(NAME + "=")) {
                value = args[i].substring(NAME.length() + 1);
            }
        }
        try {
            return value != null ? GpuMode.parse(value) : GpuMode.AUTO;
        } catch (IllegalArgumentException e) {
            return GpuMode.AUTO;
        }
    }
}
