package org.vidkompy.cli;

/** The {@code vidkompy} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
