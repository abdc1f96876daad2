package org.vidkompy.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;

/** The {@code vidkompy} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Injector injector = Cli.injector(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        InterruptHandler interrupts = injector.getInstance(InterruptHandler.class);
        interrupts.install();
        int code = Cli.commandLine(injector).execute(args);
        interrupts.finished();
        System.exit(code);
    }
}
